package io.lead360.events;

/** Topic names shared by producer and consumers. */
public final class Topics {

    /**
     * {@link FeedbackSubmitted} and {@link PersonErased}, keyed by the subject's id; kept so profiles
     * can be rebuilt (a replay meets the erasure after the feedback it erases).
     */
    public static final String FEEDBACK_SUBMITTED = "lead360.feedback-submitted.v1";

    /** {@link CycleOpened}, {@link CycleClosed}, {@link ResultsReleased}, keyed by cycle id. */
    public static final String CYCLE_EVENTS = "lead360.cycle-events.v1";

    /** Suffix of the dead-letter topic of each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}
}
