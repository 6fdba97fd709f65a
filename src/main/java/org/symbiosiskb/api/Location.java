package org.symbiosiskb.api;

/** A WGS-84 point in degrees, as GraphQL shows it. */
public record Location(double lat, double lon) {
}
