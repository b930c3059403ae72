package io.lead360.events;

/** How a rater relates to the subject of a feedback request. */
public enum Relationship {
    SELF,
    MANAGER,
    PEER,
    DIRECT_REPORT,
    OTHER;

    /** Anonymous groups are shown only with enough responses; SELF and MANAGER are attributed. */
    public boolean isAnonymous() {
        return this == PEER || this == DIRECT_REPORT || this == OTHER;
    }
}
