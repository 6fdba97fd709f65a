package org.symbiosiskb.pact;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The PACT host's certificate when no SSL bundle {@code pact} is configured: an EC P-256 key and a
 * self-signed certificate for the configured names, made at first start and kept as PEM in the data
 * directory ({@code cert.pem}, which clients trust, e.g. Node's {@code NODE_EXTRA_CA_CERTS}, and
 * {@code key.pem}, readable by the owner only). It is made again when it expires within 30 days or
 * does not cover the configured names.
 */
final class SelfSignedCertificate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SelfSignedCertificate.class);
    static final Duration VALIDITY = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path cert;
    private final Path key;

    private SelfSignedCertificate(Path dir) {
        this.cert = dir.resolve("cert.pem");
        this.key = dir.resolve("key.pem");
    }

    /** The files of the certificate in {@code dir}, made (or made again) first when needed. */
    static SelfSignedCertificate in(Path dir, List<String> names, Clock clock) throws IOException {
        var certificate = new SelfSignedCertificate(dir);
        String why = certificate.reasonToMake(names, clock.instant());
        if (why != null) {
            Files.createDirectories(dir);
            certificate.make(names, clock.instant());
            log.info("PACT host: made a self-signed certificate ({}) in {}", why, dir.toAbsolutePath());
        }
        return certificate;
    }

    Path certificatePem() {
        return cert;
    }

    Path privateKeyPem() {
        return key;
    }

    X509Certificate certificate() throws IOException {
        try (var in = Files.newInputStream(cert)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException(cert + " holds no X.509 certificate", e);
        }
    }

    /** SHA-256 of the certificate's DER, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String reasonToMake(List<String> names, Instant now) throws IOException {
        if (!Files.exists(cert) || !Files.exists(key)) {
            return "first start";
        }
        X509Certificate existing = certificate();
        if (existing.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            return "the previous one expires " + existing.getNotAfter().toInstant();
        }
        if (!subjectNames(existing).equals(normalised(names))) {
            return "kb.pact.certificate-names changed to " + names;
        }
        return null;
    }

    private void make(List<String> names, Instant now) throws IOException {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            var subject = new X500Name("CN=" + names.getFirst() + ", O=symbiosis-kb PACT host (self-signed)");
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            var alternatives = new ArrayList<GeneralName>();
            for (String name : names) {
                alternatives.add(isAddress(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            write(key, pem(pair.getPrivate()), true);
            write(cert, pem(certificate), false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the PACT host's self-signed certificate", e);
        }
    }

    private static String pem(Object object) throws IOException {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof java.security.PrivateKey k
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null) : object);
        }
        return text.toString();
    }

    /** Written beside and moved into place, so two instances starting at once never read half a file. */
    private static void write(Path target, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own permissions guard it
                }
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    private static TreeSet<String> normalised(Collection<String> names) {
        var set = new TreeSet<String>();
        for (String name : names) {
            set.add(isAddress(name) ? address(name) : name.toLowerCase(Locale.ROOT));
        }
        return set;
    }

    private static String address(String name) {
        try {
            return InetAddress.getByName(name).getHostAddress();
        } catch (IOException e) {
            return name;
        }
    }

    private static TreeSet<String> subjectNames(X509Certificate certificate) throws IOException {
        try {
            var names = new ArrayList<String>();
            if (certificate.getSubjectAlternativeNames() != null) {
                certificate.getSubjectAlternativeNames().forEach(entry -> names.add(String.valueOf(entry.get(1))));
            }
            return normalised(names);
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificate's names cannot be read", e);
        }
    }
}
