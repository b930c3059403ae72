package io.lead360.analytics.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subjects' keys, fetched in bulk from feedback-service and kept in memory only: bounded, each
 * for a while after it was fetched, never written to the database, a log or a disk. Whoever reads
 * analytics' store or its topics therefore reads nothing about a subject without also asking
 * feedback-service, and once a subject is erased (their key destroyed) no replay can open their
 * events again. Only keys are cached: "erased" is remembered in the database by the caller
 * (it is final), "unknown" is not remembered at all.
 */
public class SubjectKeys {

    private final SubjectKeyClient client;
    private final int maxIdsPerRequest;
    private final Cache<String, byte[]> cache;

    SubjectKeys(SubjectKeyClient client, int maxIdsPerRequest, long cacheSize, Duration cacheTtl) {
        this.client = client;
        this.maxIdsPerRequest = maxIdsPerRequest;
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    /**
     * What is known of each subject: cached keys first, the rest from feedback-service in calls of at
     * most its limit of ids each.
     *
     * @throws SubjectKeysUnavailableException when feedback-service could not answer for all of them
     *                                         (the keys it did answer are cached)
     */
    public Lookup lookup(Collection<String> subjectIds) {
        var keys = new HashMap<>(cached(subjectIds));
        var missing = new ArrayList<String>();
        for (String subjectId : new LinkedHashSet<>(subjectIds)) {
            if (!keys.containsKey(subjectId)) {
                missing.add(subjectId);
            }
        }
        var erased = new HashSet<String>();
        for (int from = 0; from < missing.size(); from += maxIdsPerRequest) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + maxIdsPerRequest));
            SubjectKeyClient.Answer answer = client.fetch(List.copyOf(chunk));
            cache.putAll(answer.keys());
            keys.putAll(answer.keys());
            erased.addAll(answer.erased());
        }
        return new Lookup(keys, erased);
    }

    /** The keys held in memory now, without asking anyone. */
    public Map<String, byte[]> cached(Collection<String> subjectIds) {
        return cache.getAllPresent(subjectIds);
    }

    /** The person was erased: their key leaves memory now, not when it expires. */
    public void forget(String subjectId) {
        cache.invalidate(subjectId);
    }

    /**
     * @param keys   subject id to key, for those feedback-service holds a key of
     * @param erased subjects whose key was destroyed; a subject in neither is unknown to feedback-service
     */
    public record Lookup(Map<String, byte[]> keys, Set<String> erased) {

        public Lookup {
            keys = Map.copyOf(keys);
            erased = Set.copyOf(erased);
        }

        public Optional<byte[]> key(String subjectId) {
            return Optional.ofNullable(keys.get(subjectId));
        }

        public boolean isErased(String subjectId) {
            return erased.contains(subjectId);
        }
    }
}
