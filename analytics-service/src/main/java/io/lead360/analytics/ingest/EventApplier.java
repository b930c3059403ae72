package io.lead360.analytics.ingest;

import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of events to sets of collections: submissions in one bulk write per set, cycle
 * events one by one (they are few, and each is a guarded single-document update). Used by the
 * live listener and by a rebuild alike, so both build profiles the same way.
 */
@Component
public class EventApplier {

    private final ProfileAggregateStore aggregates;
    private final CycleStore cycles;

    public EventApplier(ProfileAggregateStore aggregates, CycleStore cycles) {
        this.aggregates = aggregates;
        this.cycles = cycles;
    }

    /**
     * @param targets the first one's outcome is the one counted
     * @throws EventApplyException naming the position of the first event that could not be applied
     */
    public Outcome apply(List<FeedbackEvent> events, List<CollectionSet> targets) {
        var submissions = new ArrayList<FeedbackSubmitted>();
        var submissionPositions = new ArrayList<Integer>();
        int failedAt = Integer.MAX_VALUE;
        RuntimeException failure = null;
        int applied = 0;
        int duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            FeedbackEvent event = events.get(i);
            if (event instanceof FeedbackSubmitted submitted) {
                submissions.add(submitted);
                submissionPositions.add(i);
                continue;
            }
            try {
                for (CollectionSet target : targets) {
                    cycles.apply(event, target);
                }
                applied++;
            } catch (RuntimeException e) {
                if (failure == null) {
                    failedAt = i;
                    failure = e;
                }
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            try {
                boolean[] outcome = aggregates.applyAll(submissions, targets.get(t));
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
                int position = submissionPositions.get(e.index());
                if (position < failedAt) {
                    failedAt = position;
                    failure = e;
                }
            } catch (RuntimeException e) {
                // the bulk write as a whole failed (e.g. MongoDB away): none of them is known to be applied
                int position = submissionPositions.get(0);
                if (position < failedAt) {
                    failedAt = position;
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new EventApplyException(failedAt, failure);
        }
        return new Outcome(applied, duplicates);
    }

    /** @param applied events that changed the profiles now; duplicates had been applied before */
    public record Outcome(int applied, int duplicates) {
    }

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
