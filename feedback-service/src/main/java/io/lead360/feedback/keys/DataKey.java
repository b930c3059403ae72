package io.lead360.feedback.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * feedback-service's own secret, a 256-bit key in a file ({@code LEAD360_DATA_KEY_FILE}) that never
 * enters a database: subject keys are stored wrapped with it, so whoever reads the database alone
 * cannot open anything sealed. Outside production a missing file is created, readable by its owner only.
 * Two keys are derived from it, one per use, so that no value ever serves two purposes.
 */
public final class DataKey {

    static final int BYTES = 32;

    private final byte[] wrapping;
    private final byte[] tokens;

    private DataKey(byte[] secret) {
        this.wrapping = derive(secret, "lead360 subject-key wrapping v1");
        this.tokens = derive(secret, "lead360 ballot tokens v1");
    }

    public static DataKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return new DataKey(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the data key " + file, e);
        }
    }

    /** What is wrong with the file for production use (it must exist and hold a key); empty when fine. */
    public static Optional<String> problemWith(Path file) {
        if (file == null || Files.notExists(file)) {
            return Optional.of("the data key file " + file + " (LEAD360_DATA_KEY_FILE) does not exist (production mode "
                    + "does not generate one; create it with: head -c 32 /dev/urandom | base64 > " + file
                    + " && chmod 600 " + file + ")");
        }
        try {
            read(file);
            return Optional.empty();
        } catch (IOException | IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The key that wraps subject keys at rest. */
    byte[] wrappingKey() {
        return wrapping.clone();
    }

    /**
     * A keyed one-way token of {@code value} (128 bits, base64url): the same value always gives the
     * same token, and without this key nobody can tell which value a token stands for.
     */
    public String token(String value) {
        byte[] mac = derive(tokens, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 16));
    }

    private static byte[] read(Path file) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the data key file " + file + " does not hold base64");
        }
        if (secret.length != BYTES) {
            throw new IllegalStateException("the data key file " + file + " holds " + secret.length
                    + " bytes; it must hold " + BYTES + " (base64)");
        }
        return secret;
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(dir, ".data-key", ".tmp", ownerOnly(dir));
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            // no REPLACE_EXISTING: when two instances start at once, the first key written wins
            Files.move(temp, file);
        } catch (FileAlreadyExistsException alreadyCreated) {
            // another instance created it in the meantime; use theirs
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

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
