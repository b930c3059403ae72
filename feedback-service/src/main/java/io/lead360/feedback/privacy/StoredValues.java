package io.lead360.feedback.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * Turns raw stored documents into plain JSON values for a personal data export. Working on the raw
 * document means a field added later is exported too, without anyone remembering to list it; what
 * must never leave (password hashes, token hashes, secrets) is left out by name.
 */
final class StoredValues {

    /** Parts of field names that hold credentials, never shown even to their owner. */
    private static final List<String> SECRET_NAME_PARTS = List.of("password", "hash", "secret", "token", "salt");

    private StoredValues() {}

    /** The document as plain values, {@code _id} shown as {@code id}, secret fields at any depth left out. */
    static Map<String, Object> withoutSecrets(Map<String, Object> document) {
        Map<String, Object> plain = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (!isSecret(key)) {
                plain.put("_id".equals(key) ? "id" : key, plain(value));
            }
        });
        return plain;
    }

    static boolean isSecret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(name::contains);
    }

    @SuppressWarnings("unchecked")
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            return withoutSecrets((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(plain(v)));
            return plain;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        return value;
    }

    /** Enough of a session id to tell sessions apart, too little to use or look one up. */
    static String idPrefix(Object id) {
        String text = String.valueOf(id);
        return text.length() <= 8 ? "…" : text.substring(0, 8) + "…";
    }
}
