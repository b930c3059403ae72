package io.lead360.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * A service's RSA signing key (the gateway's for people's tokens, analytics-service's for its calls to
 * feedback-service), kept as a PKCS#8 PEM file so that tokens stay valid across restarts. A missing
 * file is created with a fresh 2048-bit key, readable by the owner only.
 */
public final class SigningKey {

    public static final int MIN_KEY_BITS = 2048;
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final RSAKey rsaKey;

    private SigningKey(RSAPrivateCrtKey privateKey) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.rsaKey = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot derive the public half of the signing key", e);
        }
    }

    /** Reads the key at {@code file}, which must exist (a previous key, or any key in production mode). */
    public static SigningKey load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The signing key file " + file + " does not exist");
        }
        try {
            return new SigningKey(readPem(file, Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException("The signing key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * What is wrong with the key file at {@code file} for production use, empty when it is fine:
     * it must already exist (production never generates a key), be readable and hold an RSA key of
     * at least {@value #MIN_KEY_BITS} bits.
     */
    public static Optional<String> problemWith(Path file) {
        if (Files.notExists(file)) {
            return Optional.of("the signing key file " + file + " does not exist (production mode does not "
                    + "generate one; create it with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "
                    + file + ")");
        }
        try {
            load(file);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Reads the key at {@code file}, creating the file with a new key when it does not exist. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return new SigningKey(readPem(file, Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key " + file, e);
        }
    }

    public String keyId() {
        return rsaKey.getKeyID();
    }

    public RSAPublicKey publicKey() {
        try {
            return rsaKey.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as a Nimbus JWK, for signing only; never publish it. */
    public RSAKey privateJwk() {
        return rsaKey;
    }

    /** The public key set served at /.well-known/jwks.json. */
    public JWKSet publicKeySet() {
        return new JWKSet(rsaKey.toPublicJWK());
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".jwt-signing-key", ".tmp", ownerOnly(dir));
        try {
            Files.writeString(temp, toPem(generate()), StandardCharsets.US_ASCII);
            // No REPLACE_EXISTING: when two instances start at once, the first key written wins
            // and the other instance reads it instead of overwriting it.
            Files.move(temp, file);
        } catch (FileAlreadyExistsException alreadyCreated) {
            // another process created it in the meantime; use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }

    private static byte[] generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_KEY_BITS);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    public static String toPem(byte[] pkcs8) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8);
        return PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
    }

    static RSAPrivateCrtKey readPem(Path file, String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " is not a PKCS#8 PEM private key (expected '" + PEM_BEGIN
                    + "'; convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException(file + " does not hold an RSA private key with its CRT parameters");
            }
            if (key.getModulus().bitLength() < MIN_KEY_BITS) {
                throw new IllegalStateException(file + " holds an RSA key of "
                        + key.getModulus().bitLength() + " bits, shorter than " + MIN_KEY_BITS + " bits");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a readable RSA private key", e);
        }
    }
}
