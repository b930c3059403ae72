package io.lead360.analytics.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.storage.ActiveCollections.Served;
import io.lead360.analytics.storage.CollectionSet;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Released cycles and the computed views of their profiles, kept in memory. A released profile is
 * final: the close counted every response still to come, and it is shown only once all of them are
 * applied. What can still change one, or its cycle, is an erasure, a cycle event (a later release
 * adds a trend point) or a rebuild; the first two move the database's change count, a rebuild the
 * served set, and both are in every key, so a cycle or a view is found only under the state it was
 * read after ({@link Served}, read before anything else). Nothing is evicted by hand: an outdated
 * entry is never asked for again and ages out by size. That holds for every instance alike,
 * whichever of them applied the change.
 *
 * <p>The key has no viewer: a view is computed from the cycle and the subject alone (the
 * calculation takes nothing else), the same for the subject and an administrator. Who may see it is
 * decided on every request before this is asked, and so is whether the cycle is released.
 */
final class ReleasedProfiles {

    /** What determines a released view. */
    record Key(CollectionSet set, long changes, String cycleId, String subjectId) {}

    /** A released cycle by its id. */
    private record CycleKey(CollectionSet set, long changes, String cycleId) {}

    /** The subject's latest released cycle. */
    private record LatestKey(CollectionSet set, long changes, String subjectId) {}

    /**
     * @param settled false when the view is not final yet: its trend left out a released cycle whose
     *                responses are still being applied (that cycle's completion moves no count)
     */
    record View(LeadershipProfile profile, boolean settled) {}

    private final Cache<Key, LeadershipProfile> views;
    private final Cache<Object, Cycle> cycles;

    /** @param maximumSize of views, and of cycles (a subject's latest shares its cycle's entry) */
    ReleasedProfiles(long maximumSize) {
        this.views = bounded(maximumSize);
        this.cycles = bounded(maximumSize);
    }

    private static <K, V> Cache<K, V> bounded(long maximumSize) {
        // eviction on the calling thread: a full cache never holds more than its size, not even briefly
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The cycle with this id as {@code read} finds it, kept when released: within one state a cycle
     * does not change, so the release gate decides on it as on a fresh read.
     */
    Optional<Cycle> cycle(Served served, String cycleId, Supplier<Optional<Cycle>> read) {
        return kept(new CycleKey(served.set(), served.changes(), cycleId), read);
    }

    /** The subject's latest released cycle as {@code read} finds it, kept like {@link #cycle}. */
    Optional<Cycle> latestReleased(Served served, String subjectId, Supplier<Optional<Cycle>> read) {
        return kept(new LatestKey(served.set(), served.changes(), subjectId), read);
    }

    private Optional<Cycle> kept(Object key, Supplier<Optional<Cycle>> read) {
        Cycle kept = cycles.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Cycle> found = read.get();
        found.filter(c -> c.status() == CycleStatus.RELEASED).ifPresent(c -> cycles.put(key, c));
        return found;
    }

    /** Only a released cycle's views are kept; a closed one's (administrators see those) are computed each time. */
    static Optional<Key> keyFor(Served served, Cycle cycle, String subjectId) {
        return cycle.status() == CycleStatus.RELEASED
                ? Optional.of(new Key(served.set(), served.changes(), cycle.id(), subjectId))
                : Optional.empty();
    }

    /**
     * The kept view, or the computed one, kept when the cycle is released and the view settled.
     * What {@code compute} throws (still being prepared, not found) is thrown and nothing kept.
     *
     * @param served read before the cycle was
     */
    LeadershipProfile view(Served served, Cycle cycle, String subjectId, Supplier<View> compute) {
        Optional<Key> key = keyFor(served, cycle, subjectId);
        LeadershipProfile kept = key.map(views::getIfPresent).orElse(null);
        if (kept != null) {
            return kept;
        }
        View view = compute.get();
        if (key.isPresent() && view.settled()) {
            views.put(key.get(), view.profile());
        }
        return view.profile();
    }
}
