package io.lead360.feedback.person;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must be, wherever one is set (import, the set-password link) or checked (sign-in):
 * at least 8 characters and at most 72 bytes in UTF-8, the most bcrypt reads. bcrypt ignores every
 * byte after the 72nd, so a longer password is refused where it is set and never matches where it is
 * checked (else "the password plus anything" would sign in). ASVS 5.0 V6.2.1: at least 8 characters;
 * any composition is fine (V6.2.5).
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {}

    /** What is wrong with {@code password} as a new password, or empty when it may be set. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (!fitsTheHash(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** Whether bcrypt reads all of {@code password}; one that does not can never be a person's password. */
    static boolean fitsTheHash(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
