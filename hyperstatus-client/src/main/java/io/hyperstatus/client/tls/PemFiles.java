package io.hyperstatus.client.tls;

import io.hyperstatus.config.PemFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM certificates and keys, as operators have them (what Nova's {@code [ssl]} options take), read into the
 * JDK's key stores. Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}) or the older PKCS#1 / SEC1 forms
 * ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}), unencrypted. Every refusal names the option
 * that names the file.
 */
public final class PemFiles {
    /** Key stores built here live in memory only; their password protects nothing and is never written. */
    private static final String IN_MEMORY = "in-memory";

    private PemFiles() {
    }

    /** The certificates of a chain, in the file's order (the holder's own certificate first). */
    public static List<X509Certificate> certificates(PemFile file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : read(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw file.invalid("holds a certificate that cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw file.invalid("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /** The file's private key (the first, if there are several). */
    public static PrivateKey privateKey(PemFile file) {
        return findPrivateKey(file).orElseThrow(() -> file.invalid("holds no PEM private key"
                + " (-----BEGIN PRIVATE KEY-----, or RSA/EC PRIVATE KEY)"));
    }

    /** The key and its certificate chain, checked to belong together, as a key store for a key manager. */
    public static KeyStore keyStore(PemFile chainFile, PemFile keyFile) {
        List<X509Certificate> chain = certificates(chainFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw keyFile.invalid("is not the key of the certificate in " + chainFile.option() + " ('"
                    + chainFile.path() + "')");
        }
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("key", key, IN_MEMORY.toCharArray(), chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException e) {
            throw keyFile.invalid("cannot be used: " + e.getMessage(), e);
        }
    }

    /** Every certificate of the file as a trusted CA. */
    public static KeyStore trustStore(PemFile caFile) {
        List<X509Certificate> cas = certificates(caFile);
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw caFile.invalid("cannot be used: " + e.getMessage(), e);
        }
    }

    /** The password of the key entry of {@link #keyStore}, for a key manager. */
    static char[] keyPassword() {
        return IN_MEMORY.toCharArray();
    }

    static Optional<PrivateKey> findPrivateKey(PemFile file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : read(file)) {
            try {
                if (object instanceof PEMKeyPair pair) {
                    return Optional.of(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    return Optional.of(converter.getPrivateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw file.invalid("holds an encrypted private key; give it unencrypted"
                            + " (openssl pkey -in KEY -out PLAIN_KEY) and readable by this service only");
                }
            } catch (IOException e) {
                throw file.invalid("holds a private key that cannot be read: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /** Whether a signature made with the private key verifies with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "ED448", "EDDSA" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a kind of key we cannot test this way: the TLS handshake will tell
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<Object> read(PemFile file) {
        if (!Files.exists(file.path())) {
            throw file.invalid("does not exist");
        }
        if (!Files.isRegularFile(file.path())) {
            throw file.invalid("is not a file");
        }
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file.path(), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable (permissions), not text, or a PEM block whose content is not what its header says.
            throw file.invalid("cannot be read as PEM: " + describe(e), e);
        }
        return objects;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }
}
