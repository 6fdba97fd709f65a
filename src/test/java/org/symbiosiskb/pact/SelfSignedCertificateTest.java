package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void the_certificate_is_made_once_for_the_names_and_made_again_when_they_change_or_it_nears_its_end() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var made = SelfSignedCertificate.in(dir, List.of("localhost", "127.0.0.1", "::1"), clock);
        var certificate = made.certificate();
        var names = new ArrayList<String>();
        certificate.getSubjectAlternativeNames().forEach(n -> names.add(String.valueOf(n.get(1))));
        assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(Files.readString(made.privateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(made.privateKeyPem()).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        certificate.verify(certificate.getPublicKey()); // self-signed
        assertThat(SelfSignedCertificate.fingerprint(certificate)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        // a second start keeps it
        assertThat(SelfSignedCertificate.in(dir, List.of("localhost", "127.0.0.1", "::1"), clock).certificate()).isEqualTo(certificate);
        // other names: a new one
        var renamed = SelfSignedCertificate.in(dir, List.of("kb.example.fi"), clock).certificate();
        assertThat(renamed).isNotEqualTo(certificate);
        // 30 days before it ends: a new one
        clock.advance(SelfSignedCertificate.VALIDITY.minus(Duration.ofDays(29)));
        assertThat(SelfSignedCertificate.in(dir, List.of("kb.example.fi"), clock).certificate()).isNotEqualTo(renamed);
    }
}
