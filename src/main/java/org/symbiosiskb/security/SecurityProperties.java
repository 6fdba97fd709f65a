package org.symbiosiskb.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kb.security.*} (environment {@code KB_SECURITY_KEYS}, {@code KB_SECURITY_ANONYMOUS}).
 *
 * @param keys      {@code partner:ROLE:sha256-hex-of-the-key}, comma-separated; none = local mode
 * @param anonymous whether clients without a key may read PUBLIC records (true) or are refused (false)
 */
@ConfigurationProperties("kb.security")
record SecurityProperties(List<String> keys, Boolean anonymous) {

    SecurityProperties {
        keys = keys == null ? List.of() : keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        anonymous = anonymous == null || anonymous;
    }

    boolean localMode() {
        return keys.isEmpty();
    }
}
