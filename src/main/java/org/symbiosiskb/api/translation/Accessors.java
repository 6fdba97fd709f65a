package org.symbiosiskb.api.translation;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The public no-argument methods of a class, found once per class: by exact name (a feature record's accessor of a
 * computed field, {@link TranslationWiring}), and by property name in graphql-java's property-fetcher order
 * ({@link HeldCompletion}).
 */
final class Accessors {

    private Accessors() {
    }

    private record OfClass(Map<String, Method> named, Map<String, Method> properties) {
    }

    private static final ClassValue<OfClass> OF_CLASS = new ClassValue<>() {
        @Override
        protected OfClass computeValue(Class<?> type) {
            var accessors = new ArrayList<Method>();
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class) {
                    try {
                        m.setAccessible(true); // a public method of a package-private record
                    } catch (InaccessibleObjectException | SecurityException e) {
                        continue;
                    }
                    accessors.add(m);
                }
            }
            var named = new HashMap<String, Method>();
            accessors.forEach(m -> named.put(m.getName(), m));
            var properties = new HashMap<String, Method>();
            if (Modifier.isPublic(type.getModifiers())) { // graphql-java reads other classes by other means: leave them to it
                // graphql-java's order: a method named as the property (a record's accessor), then isName(), then getName()
                for (Method m : accessors) {
                    String n = m.getName();
                    if (n.startsWith("get") && n.length() > 3) {
                        properties.put(decapitalized(n.substring(3)), m);
                    }
                }
                for (Method m : accessors) {
                    String n = m.getName();
                    if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                        properties.put(decapitalized(n.substring(2)), m);
                    }
                }
                properties.putAll(named);
            }
            return new OfClass(Map.copyOf(named), Map.copyOf(properties));
        }
    };

    /** The method of exactly that name, or null. */
    static Method named(Class<?> type, String name) {
        return OF_CLASS.get(type).named().get(name);
    }

    /** What graphql-java's property fetcher would call for the property, or null (also for a class that is not public). */
    static Method property(Class<?> type, String property) {
        return OF_CLASS.get(type).properties().get(property);
    }

    private static String decapitalized(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
