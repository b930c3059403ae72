package io.lead360.analytics.cycle;

/** The states analytics learns from cycle events; a cycle only ever moves forward. */
public enum CycleStatus {
    OPEN(1),
    CLOSED(2),
    RELEASED(3);

    private final int rank;

    CycleStatus(int rank) {
        this.rank = rank;
    }

    /** Stored next to the status so that a database filter can refuse to move a cycle back. */
    public int rank() {
        return rank;
    }
}
