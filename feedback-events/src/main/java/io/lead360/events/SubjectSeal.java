package io.lead360.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what an event says about one subject with that subject's own key: AES-256-GCM with a
 * random 96-bit nonce, the event's envelope (type, event id, cycle, subject) as additional
 * authenticated data. Three things follow: a reader of the topics without the key learns nothing
 * about the subject; a writer to the topics without the key cannot forge or move a sealed part
 * (opening fails); and once the key is destroyed (erasure) nothing sealed with it can be read again,
 * from the topics or from a rebuild.
 *
 * <p>Sealed text is URL-safe base64 of nonce then ciphertext and tag.
 */
public final class SubjectSeal {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubjectSeal() {}

    /** A fresh random subject key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** What binds a sealed part to its place: the event's type and id, its cycle and the subject. */
    public static String context(String eventType, UUID eventId, String cycleId, String subjectId) {
        return "lead360/" + eventType + "/" + eventId + "/" + cycleId + "/" + subjectId;
    }

    public static String seal(byte[] key, String context, byte[] plaintext) {
        checkKey(key);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws BrokenSealException when the text was not sealed with this key for this context (forged,
     *                             moved to another event or subject, damaged, or not base64 at all)
     */
    public static byte[] open(byte[] key, String context, String sealed) {
        checkKey(key);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed == null ? "" : sealed);
        } catch (IllegalArgumentException e) {
            throw new BrokenSealException("not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new BrokenSealException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new BrokenSealException("the seal does not open with this key and context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a subject key has " + KEY_BYTES + " bytes");
        }
    }

    /** A sealed part that does not open: never retried, it will not open later either. */
    public static final class BrokenSealException extends RuntimeException {
        public BrokenSealException(String reason) {
            super("broken seal: " + reason);
        }
    }
}
