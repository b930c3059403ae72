package io.lead360.feedback.cycle;

import io.lead360.service.problem.ConflictException;

/** The life of a cycle: DRAFT → OPEN → CLOSED → RELEASED, nothing else. */
public enum CycleStatus {
    DRAFT,
    OPEN,
    CLOSED,
    RELEASED;

    /** The status a cycle must have to move to {@code target}. */
    static CycleStatus requiredBefore(CycleStatus target) {
        return switch (target) {
            case OPEN -> DRAFT;
            case CLOSED -> OPEN;
            case RELEASED -> CLOSED;
            case DRAFT -> throw new IllegalTransitionException(null, DRAFT);
        };
    }

    boolean canMoveTo(CycleStatus target) {
        return target != DRAFT && requiredBefore(target) == this;
    }

    /** @throws IllegalTransitionException unless this status may move to {@code target} */
    CycleStatus moveTo(CycleStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    /** Answered with 409. */
    static class IllegalTransitionException extends ConflictException {
        IllegalTransitionException(CycleStatus from, CycleStatus to) {
            super(
                    from == null
                            ? "A cycle cannot go back to " + to
                            : "A cycle in status " + from + " cannot move to " + to);
        }
    }
}
