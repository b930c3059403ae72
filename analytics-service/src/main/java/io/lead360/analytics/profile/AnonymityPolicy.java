package io.lead360.analytics.profile;

import io.lead360.events.Relationship;

/**
 * The one place that decides what of a relationship group a profile may show. SELF and MANAGER
 * are attributed by design and always shown; an anonymous group (PEER, DIRECT_REPORT, OTHER) is
 * shown only with at least {@code threshold} responses, and a hidden group contributes to nothing
 * (group scores, pooled "others", leading index, comments), so it cannot be recovered by
 * subtraction.
 */
public record AnonymityPolicy(int threshold) {

    /** DESIGN.md: the threshold is a cycle setting but never below 2. */
    public static final int MINIMUM_THRESHOLD = 2;

    public AnonymityPolicy {
        threshold = Math.max(threshold, MINIMUM_THRESHOLD);
    }

    public boolean isShown(Relationship relationship, int responses) {
        return !relationship.isAnonymous() || responses >= threshold;
    }

    /**
     * Response counts are shown for every group, hidden ones included: the cycle progress view
     * shows them anyway and a count reveals no answer. Tighten here if that ever changes.
     */
    public Integer visibleResponseCount(Relationship relationship, int responses) {
        return responses;
    }
}
