package io.hyperstatus.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority the tests make, in a folder of theirs, with the certificates it issues: written as the
 * PEM files operators have (nothing here is committed, and every key is new). Server certificates name
 * {@code localhost} and {@code 127.0.0.1}.
 */
public final class TestCertificates {
    /** How a private key is written: PKCS#8 ({@code PRIVATE KEY}) or the older PKCS#1 / SEC1 forms. */
    public enum KeyForm { PKCS8, TRADITIONAL }

    /** A certificate and its key, as files. */
    public record Issued(Path certificate, Path key) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path folder;
    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificateFile;

    private TestCertificates(Path folder, String name, KeyPair keys, X509Certificate certificate) {
        this.folder = folder;
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.certificateFile = folder.resolve(name + "-ca.pem");
        writePem(certificateFile, certificate);
    }

    /** A new CA, its certificate in {@code <folder>/<name>-ca.pem}. */
    public static TestCertificates authority(Path folder, String name) {
        KeyPair keys = ecKeys();
        X500Principal subject = new X500Principal("CN=" + name + " test CA");
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(),
                    notAfter(), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestCertificates(folder, name, keys, sign(builder, keys.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA's certificate, for a trust (CA) file option. */
    public Path caFile() {
        return certificateFile;
    }

    /** A server certificate for localhost and 127.0.0.1, with an EC key in PKCS#8. */
    public Issued server(String stem) {
        return server(stem, ecKeys(), KeyForm.PKCS8);
    }

    /** A server certificate for localhost and 127.0.0.1, with the given key written in the given form. */
    public Issued server(String stem, KeyPair subjectKeys, KeyForm form) {
        GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        return issue(stem, "CN=localhost", subjectKeys, form, KeyPurposeId.id_kp_serverAuth, names);
    }

    /** A client certificate (such as an agent's) for {@code commonName}, with an EC key in PKCS#8. */
    public Issued client(String stem, String commonName) {
        return issue(stem, "CN=" + commonName, ecKeys(), KeyForm.PKCS8, KeyPurposeId.id_kp_clientAuth, null);
    }

    /** A new RSA key pair (slower to make than EC ones), e.g. for a PKCS#1 key file. */
    public static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Issued issue(String stem, String subject, KeyPair subjectKeys, KeyForm form, KeyPurposeId purpose,
                         GeneralNames names) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(), notBefore(),
                    notAfter(), new X500Principal(subject), subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            X509Certificate issued = sign(builder, keys.getPrivate());
            Path certificateFile = folder.resolve(stem + ".pem");
            Path keyFile = folder.resolve(stem + "-key.pem");
            writePem(certificateFile, issued);
            writeKey(keyFile, subjectKeys.getPrivate(), form);
            return new Issued(certificateFile, keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, Object object) {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeKey(Path file, PrivateKey key, KeyForm form) throws IOException {
        if (form == KeyForm.PKCS8) {
            writePem(file, new JcaPKCS8Generator(key, null));
        } else if (key instanceof ECPrivateKey ec) {
            // SEC1 with the curve named inside, as openssl writes it (the JDK's encoding leaves the curve out).
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                    info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
            writePem(file, new PemObject("EC PRIVATE KEY", sec1));
        } else {
            writePem(file, key); // an RSA key: PKCS#1, RSA PRIVATE KEY
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }

    @Override
    public String toString() {
        return "TestCertificates[" + name + " in " + folder + "]";
    }
}
