package io.lead360.events;

/**
 * The rating scale of every questionnaire item: whole numbers from {@link #LOWEST} to {@link #HIGHEST}
 * ({@code null} is "can't say"). Validators, aggregates, the calculator, the report, the event schema and
 * the web app (through the API's {@code scale} fields) all take it from here.
 */
public final class RatingScale {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** How many points the scale has. */
    public static final int POINTS = HIGHEST - LOWEST + 1;

    /** The scale as the API shows it beside every rated thing ({@code "scale": {"lowest": 1, "highest": 5}}). */
    public static final Bounds BOUNDS = new Bounds(LOWEST, HIGHEST);

    /** The lowest and highest score of the scale. */
    public record Bounds(int lowest, int highest) {}

    private RatingScale() {}

    public static boolean contains(int score) {
        return score >= LOWEST && score <= HIGHEST;
    }

    /** The score of a reverse-worded item turned the right way round: {@code LOWEST} ↔ {@code HIGHEST}. */
    public static int reversed(int score) {
        return LOWEST + HIGHEST - score;
    }
}
