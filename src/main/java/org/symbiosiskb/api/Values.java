package org.symbiosiskb.api;

import org.neo4j.driver.Value;

/** Reading optional properties off a node or relationship value. */
public final class Values {

    private Values() {
    }

    public static String str(Value v, String key) {
        return v.get(key).asString(null);
    }

    public static Double number(Value v, String key) {
        var x = v.get(key);
        return x.isNull() ? null : x.asDouble();
    }

    public static Integer integer(Value v, String key) {
        var x = v.get(key);
        return x.isNull() ? null : x.asInt();
    }

    public static Location location(Value v, String key) {
        var x = v.get(key);
        if (x.isNull()) {
            return null;
        }
        var point = x.asPoint();
        return new Location(point.y(), point.x());
    }

    /** A point value (or null) as a location. */
    public static Location point(Value x) {
        if (x == null || x.isNull()) {
            return null;
        }
        var point = x.asPoint();
        return new Location(point.y(), point.x());
    }

    /** A placeholder has only its id; GraphQL's non-null name shows the id then. */
    public static String name(Value v) {
        return v.get("name").asString(v.get("id").asString());
    }
}
