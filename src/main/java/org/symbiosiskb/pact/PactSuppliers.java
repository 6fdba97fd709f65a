package org.symbiosiskb.pact;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the PACT host tells the part of the service that pulls PACT suppliers (federation: peers of kind
 * {@code pact}) when a supplier sends events here: implemented there, so the dependency runs from federation
 * to pact only.
 */
public interface PactSuppliers {

    /** Whether {@code partner} is a supplier this instance pulls over PACT. */
    boolean supplies(String partner);

    /** The supplier announced new or changed footprints (PublishedEvent): pull it. */
    void published(String partner);

    /** The supplier answered a request this instance sent (RequestFulfilledEvent): take in its footprints. */
    void fulfilled(String partner, String requestEventId, List<JsonNode> footprints);

    /** The supplier could not answer a request this instance sent (RequestRejectedEvent). */
    void rejected(String partner, String requestEventId, String code, String message);
}
