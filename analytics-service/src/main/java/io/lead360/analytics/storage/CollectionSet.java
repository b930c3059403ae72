package io.lead360.analytics.storage;

/**
 * The two collections a set of profiles lives in. The first build uses the plain names; a
 * rebuild writes into names suffixed with its id and becomes the active set when done.
 */
public record CollectionSet(String aggregates, String cycles) {

    public static final CollectionSet INITIAL = new CollectionSet("profile_aggregates", "cycles");

    public static CollectionSet forRebuild(String rebuildId) {
        return new CollectionSet(INITIAL.aggregates() + "_" + rebuildId, INITIAL.cycles() + "_" + rebuildId);
    }
}
