package io.lead360.feedback.keys;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lead360.events.SubjectSeal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One random key per subject (a person who is rated), the only key that opens what lead360 keeps
 * about them in events, held answers, drafts and decline reasons. Stored in {@code subject_keys}
 * wrapped with the {@link DataKey}; erasing the person destroys the key and leaves a tombstone, so
 * that everything ever sealed for them becomes unreadable everywhere at once, the Kafka topics
 * included, and analytics-service learns that the subject is gone.
 */
@Component
public class SubjectKeys {

    static final String COLLECTION = "subject_keys";
    private static final String WRAPPED = "wrapped";
    private static final String ERASED = "erased";

    private final MongoTemplate mongo;
    private final byte[] wrappingKey;
    // short-lived: an erasure on another instance must not leave a usable key here for long
    private final Cache<String, byte[]> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    SubjectKeys(MongoTemplate mongo, DataKey dataKey) {
        this.mongo = mongo;
        this.wrappingKey = dataKey.wrappingKey();
    }

    /** Creates the keys that do not exist yet; an erased subject gets none. Idempotent and safe to race. */
    public void ensure(Collection<String> subjectIds) {
        Query existing = Query.query(where("_id").in(subjectIds));
        existing.fields().include("_id");
        var known = new java.util.HashSet<String>();
        mongo.find(existing, Document.class, COLLECTION).forEach(d -> known.add(d.getString("_id")));
        for (String subjectId : subjectIds) {
            if (known.contains(subjectId)) {
                continue;
            }
            try {
                mongo.insert(
                        new Document("_id", subjectId).append(WRAPPED, wrap(subjectId, SubjectSeal.newKey())),
                        COLLECTION);
            } catch (DuplicateKeyException createdMeanwhile) {
                // another instance created it: theirs is the key
            }
        }
    }

    /** The subject's key. @throws NoSubjectKeyException when the subject has none (never opened, or erased) */
    public byte[] keyOf(String subjectId) {
        byte[] key = cache.getIfPresent(subjectId);
        if (key != null) {
            return key;
        }
        Document stored = mongo.findById(subjectId, Document.class, COLLECTION);
        if (stored == null || stored.getString(WRAPPED) == null) {
            throw new NoSubjectKeyException(subjectId);
        }
        key = unwrap(subjectId, stored.getString(WRAPPED));
        cache.put(subjectId, key);
        return key;
    }

    public String seal(String subjectId, String context, byte[] plaintext) {
        return SubjectSeal.seal(keyOf(subjectId), context, plaintext);
    }

    public String sealText(String subjectId, String context, String text) {
        return seal(subjectId, context, text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(String subjectId, String context, String sealed) {
        return SubjectSeal.open(keyOf(subjectId), context, sealed);
    }

    public String openText(String subjectId, String context, String sealed) {
        return new String(open(subjectId, context, sealed), StandardCharsets.UTF_8);
    }

    /** Erasure: the key is gone for good; what remains says only that this id was erased. Idempotent. */
    public void destroy(String subjectId) {
        cache.invalidate(subjectId);
        mongo.save(new Document("_id", subjectId).append(ERASED, true), COLLECTION);
    }

    /** For analytics-service: the keys it may use, and which of the ids were erased. */
    Lookup lookup(Collection<String> subjectIds) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> erased = new ArrayList<>();
        for (Document stored : mongo.find(Query.query(where("_id").in(subjectIds)), Document.class, COLLECTION)) {
            String id = stored.getString("_id");
            if (stored.getString(WRAPPED) != null) {
                keys.put(
                        id,
                        java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(unwrap(id, stored.getString(WRAPPED))));
            } else if (Boolean.TRUE.equals(stored.getBoolean(ERASED))) {
                erased.add(id);
            }
        }
        return new Lookup(keys, erased);
    }

    record Lookup(Map<String, String> keys, List<String> erased) {}

    private String wrap(String subjectId, byte[] key) {
        return SubjectSeal.seal(wrappingKey, wrapContext(subjectId), key);
    }

    private byte[] unwrap(String subjectId, String wrapped) {
        return SubjectSeal.open(wrappingKey, wrapContext(subjectId), wrapped);
    }

    private static String wrapContext(String subjectId) {
        return "lead360/subject-key/" + subjectId;
    }

    /** The subject has no key: never a subject of an opened cycle, or erased. */
    public static class NoSubjectKeyException extends RuntimeException {
        NoSubjectKeyException(String subjectId) {
            super("no subject key for " + subjectId);
        }
    }
}
