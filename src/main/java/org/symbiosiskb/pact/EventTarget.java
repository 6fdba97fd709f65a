package org.symbiosiskb.pact;

import java.net.URI;
import java.util.Map;

/** Where an event goes: another PACT host's {@code /3/events} ({@link PactClient}). */
interface EventTarget {

    URI base();

    /** Sends the event; anything but the host's 2xx is a failure. */
    void sendEvent(Map<String, Object> event) throws PactClient.PactCallException;
}
