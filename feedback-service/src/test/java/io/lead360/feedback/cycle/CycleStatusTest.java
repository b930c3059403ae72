package io.lead360.feedback.cycle;

import static io.lead360.feedback.cycle.CycleStatus.CLOSED;
import static io.lead360.feedback.cycle.CycleStatus.DRAFT;
import static io.lead360.feedback.cycle.CycleStatus.OPEN;
import static io.lead360.feedback.cycle.CycleStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CycleStatusTest {

    @Test
    void aCycleMovesDraftOpenClosedReleasedInThatOrder() {
        assertThat(DRAFT.moveTo(OPEN)).isEqualTo(OPEN);
        assertThat(OPEN.moveTo(CLOSED)).isEqualTo(CLOSED);
        assertThat(CLOSED.moveTo(RELEASED)).isEqualTo(RELEASED);
    }

    @Test
    void everyOtherTransitionIsRefused() {
        for (CycleStatus from : CycleStatus.values()) {
            for (CycleStatus to : CycleStatus.values()) {
                boolean allowed = (from == DRAFT && to == OPEN)
                        || (from == OPEN && to == CLOSED)
                        || (from == CLOSED && to == RELEASED);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
                if (!allowed) {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .isInstanceOf(CycleStatus.IllegalTransitionException.class);
                }
            }
        }
    }

    @Test
    void releaseBeforeCloseIsRefused() {
        assertThatThrownBy(() -> OPEN.moveTo(RELEASED)).hasMessageContaining("OPEN cannot move to RELEASED");
    }
}
