package io.lead360.analytics.ingest;

import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.erasure.ErasedSubjects;
import io.lead360.analytics.profile.aggregate.BulkApplyException;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.PersonErased;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of opened events ({@link EventOpener}) to sets of collections: erasures first,
 * then cycle changes one by one (they are few, and each is a guarded single-document update), then
 * submissions in one bulk write per set. Used by the live listener and by a rebuild alike, so both
 * build profiles the same way. A submission about an erased subject ({@link OpenedEvent.Skipped})
 * changes nothing. Erasures and cycle changes are counted ({@link ActiveCollections#profilesChanged})
 * once written: released profiles may be kept in memory under that count, and these are what can
 * still change one (a submission cannot: the close counted every response to come).
 */
@Component
public class EventApplier {

    private final ProfileAggregateStore aggregates;
    private final CycleStore cycles;
    private final ErasedSubjects erased;
    private final ActiveCollections collections;

    public EventApplier(
            ProfileAggregateStore aggregates, CycleStore cycles, ErasedSubjects erased, ActiveCollections collections) {
        this.aggregates = aggregates;
        this.cycles = cycles;
        this.erased = erased;
        this.collections = collections;
    }

    /**
     * @param targets the first one's outcome is the one counted
     * @throws EventApplyException naming the position of the first event that could not be applied
     */
    public Outcome apply(List<OpenedEvent> events, List<CollectionSet> targets) {
        var batch = new EventBatch(events);
        var failures = new Failures();
        int applied = 0;
        int duplicates = 0;
        for (EventBatch.At<PersonErased> erasure : batch.erasures()) {
            try {
                // Recorded before deleting: from then on every write about the person is checked against it.
                erased.record(erasure.event().personId());
                eraseFrom(targets, erasure.event().personId());
                applied++;
            } catch (RuntimeException e) {
                failures.at(erasure.index(), e);
            }
        }
        for (EventBatch.At<CycleChange> change : batch.cycleChanges()) {
            try {
                for (CollectionSet target : targets) {
                    cycles.apply(change.event(), target);
                }
                applied++;
            } catch (RuntimeException e) {
                failures.at(change.index(), e);
            }
        }
        profilesChanged(batch, failures);
        List<EventBatch.At<OpenedEvent.Submission>> submissions;
        try {
            submissions = batch.submissionsWithout(erased.amongst(batch.subjects()));
        } catch (RuntimeException e) {
            // without knowing who is erased nothing about anyone may be written
            failures.at(
                    batch.subjects().stream()
                            .mapToInt(batch::firstMentionOf)
                            .min()
                            .orElse(0),
                    e);
            submissions = List.of();
        }
        List<OpenedEvent.Submission> toWrite =
                submissions.stream().map(EventBatch.At::event).toList();
        for (int t = 0; t < targets.size(); t++) {
            try {
                boolean[] outcome = aggregates.applyAll(toWrite, targets.get(t));
                if (t == 0) {
                    for (boolean b : outcome) {
                        if (b) {
                            applied++;
                        } else {
                            duplicates++;
                        }
                    }
                }
            } catch (BulkApplyException e) {
                failures.at(submissions.get(e.index()).index(), e);
            } catch (RuntimeException e) {
                // the bulk write as a whole failed (e.g. MongoDB away): none of them is known to be applied
                failures.at(submissions.get(0).index(), e);
            }
        }
        scrubErasedDuringTheBatch(batch, targets, failures);
        failures.throwIfAny();
        return new Outcome(applied, duplicates);
    }

    /**
     * Another thread (the live listener beside a rebuild, or the consumer of the other topic) may
     * have erased a subject between the check above and the writes. Checking again after writing
     * closes that gap: either this check sees the erasure, or the erasure came after these writes
     * and deleted them itself.
     */
    private void scrubErasedDuringTheBatch(EventBatch batch, List<CollectionSet> targets, Failures failures) {
        Set<String> erasedNow;
        try {
            erasedNow = erased.amongst(batch.subjects());
        } catch (RuntimeException e) {
            failures.at(
                    batch.subjects().stream()
                            .mapToInt(batch::firstMentionOf)
                            .min()
                            .orElse(0),
                    e);
            return;
        }
        for (String personId : erasedNow) {
            try {
                eraseFrom(targets, personId);
            } catch (RuntimeException e) {
                failures.at(batch.firstMentionOf(personId), e);
            }
        }
        if (!erasedNow.isEmpty()) {
            try {
                collections.profilesChanged();
            } catch (RuntimeException e) {
                failures.at(
                        erasedNow.stream().mapToInt(batch::firstMentionOf).min().orElse(0), e);
            }
        }
    }

    /** After the batch's erasures and cycle changes, also after a failed one (it may have written part). */
    private void profilesChanged(EventBatch batch, Failures failures) {
        int first = Integer.MAX_VALUE;
        for (EventBatch.At<PersonErased> erasure : batch.erasures()) {
            first = Math.min(first, erasure.index());
        }
        for (EventBatch.At<CycleChange> change : batch.cycleChanges()) {
            first = Math.min(first, change.index());
        }
        if (first == Integer.MAX_VALUE) {
            return;
        }
        try {
            collections.profilesChanged();
        } catch (RuntimeException e) {
            // retried from the first of them: applying them again is idempotent, counting again harmless
            failures.at(first, e);
        }
    }

    private void eraseFrom(List<CollectionSet> targets, String personId) {
        for (CollectionSet target : targets) {
            aggregates.deleteSubject(personId, target);
            cycles.removeSubject(personId, target);
        }
    }

    /** The first failure of a batch by position: the error handler retries from there. */
    private static final class Failures {

        private int index = Integer.MAX_VALUE;
        private RuntimeException failure;

        void at(int position, RuntimeException e) {
            if (failure == null || position < index) {
                index = position;
                failure = e;
            }
        }

        void throwIfAny() {
            if (failure != null) {
                throw new EventApplyException(index, failure);
            }
        }
    }

    /** @param applied events that changed the profiles now; duplicates had been applied before */
    public record Outcome(int applied, int duplicates) {}

    /** An event of the batch could not be applied (the ones after it may or may not have been). */
    public static class EventApplyException extends RuntimeException {

        private final int index;

        EventApplyException(int index, Throwable cause) {
            super("event " + index + " of the batch could not be applied: " + cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
