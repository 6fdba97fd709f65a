package org.symbiosiskb.exchange;

/** A WGS-84 location as the exchange document writes it: {@code {"lat": 65.73, "lon": 24.56}}. */
record GeoPoint(double lat, double lon) {
}
