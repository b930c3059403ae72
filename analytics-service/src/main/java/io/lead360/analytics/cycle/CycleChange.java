package io.lead360.analytics.cycle;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.ResultsReleased;
import java.util.Map;

/**
 * A cycle event whose sealed parts were opened and checked: only the subjects whose parts opened
 * are in it (an erased subject's part cannot be opened and is left out).
 */
public sealed interface CycleChange permits CycleChange.Opened, CycleChange.Closed, CycleChange.Released {

    FeedbackEvent event();

    String cycleId();

    /** @param subjects subject id to their invitations */
    record Opened(CycleOpened event, Map<String, Cycle.Invitations> subjects) implements CycleChange {

        public Opened {
            subjects = Map.copyOf(subjects);
        }

        @Override
        public String cycleId() {
            return event.cycleId();
        }
    }

    /** @param subjects subject id to their tally at the close */
    record Closed(CycleClosed event, Map<String, Cycle.Tally> subjects) implements CycleChange {

        public Closed {
            subjects = Map.copyOf(subjects);
        }

        @Override
        public String cycleId() {
            return event.cycleId();
        }
    }

    /** A release whose every part opened: feedback-service, holder of the keys, released the cycle. */
    record Released(ResultsReleased event) implements CycleChange {

        @Override
        public String cycleId() {
            return event.cycleId();
        }
    }
}
