package org.symbiosiskb.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Client credentials for protocols that exchange a key for a token of their own (the PACT host's
 * {@code POST /pact/auth/token}): the client id is a partner prefix and the secret one of that partner's
 * configured keys. The key's partner and role become the caller of every call made with the token, so a
 * token can never see more than the key behind it.
 */
@Component
public class ClientCredentials {

    private final Keys keys;
    private final SecurityProperties properties;

    ClientCredentials(Keys keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /** The caller the secret stands for, when it is a configured key of partner {@code clientId}; else empty. */
    public Optional<Caller> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = keys.callerOf(secret);
        return caller != null && clientId.equals(caller.partner()) ? Optional.of(caller) : Optional.empty();
    }

    /** No keys are configured: nobody can authenticate, since there is no key to present. */
    public boolean localMode() {
        return properties.localMode();
    }
}
