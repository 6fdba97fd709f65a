package org.symbiosiskb.pact;

import org.springframework.stereotype.Component;
import org.symbiosiskb.security.ClientCredentials;

/** Whether this instance serves PACT: when {@code kb.pact.enabled} (the default) and keys are configured. */
@Component
class PactSwitch {

    private final boolean on;
    private final String why;

    PactSwitch(PactProperties properties, ClientCredentials credentials) {
        if (!properties.enabled()) {
            on = false;
            why = "kb.pact.enabled is false";
        } else if (credentials.localMode()) {
            on = false;
            why = "local mode (no keys configured); a PACT client needs a partner's key for its token";
        } else {
            on = true;
            why = "on";
        }
    }

    boolean on() {
        return on;
    }

    String why() {
        return why;
    }
}
