package org.symbiosiskb.pact;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** PACT base URLs: how an event's {@code source} names a host, and comparing them. */
final class Urls {

    private Urls() {
    }

    static boolean loopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    /**
     * The PACT base URL an event's {@code source} stands for. PACT's examples write {@code //host/3/events};
     * the conformance tool sends its base URL ({@code http://localhost:8004}). Both mean: the host at that
     * base, whose events endpoint is {@code {base}/3/events} and token endpoint {@code {base}/auth/token}. A
     * scheme-relative source is HTTPS, as PACT hosts are.
     */
    static Optional<URI> baseOf(String source) {
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        String s = source.strip();
        if (s.startsWith("//")) {
            s = "https:" + s;
        }
        try {
            URI uri = URI.create(s);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(normal(uri));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lower-case scheme and host, the default port left out, no trailing {@code /} or {@code /3/events}. */
    static URI normal(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.endsWith("/3/events")) {
            path = path.substring(0, path.length() - "/3/events".length());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path);
    }

    static URI resolve(URI base, String path) {
        return URI.create(normal(base) + path);
    }
}
