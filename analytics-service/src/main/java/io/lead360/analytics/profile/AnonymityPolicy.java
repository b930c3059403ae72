package io.lead360.analytics.profile;

import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.events.Relationship;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what may be shown; every view (profile, trend, heatmap, PDF) is
 * computed by {@link ProfileCalculator} from what this policy lets through, and from nothing else.
 * <ul>
 * <li>SELF and MANAGER are attributed by design and always shown; an anonymous group (PEER,
 * DIRECT_REPORT, OTHER) is shown only with at least {@code threshold} responses. A hidden group is
 * removed before anything is computed, so it contributes to nothing (group scores, pooled
 * "others", items, distribution, leading index, comments) and cannot be recovered by subtraction.
 * <li>An item's mean is shown only when at least {@code threshold} raters rated it and no shown
 * anonymous group contributes fewer than {@code threshold} of those ratings.
 * <li>If one item of a competency is hidden although rated, every item mean of that competency is
 * hidden: otherwise the competency's distribution minus the shown items would give it away.
 * <li>Comments come only from shown groups, sorted alphabetically (not by time), without authors.
 * <li>The response count of an anonymous group with fewer than {@code threshold} invited raters is
 * not shown: among so few, whether and how many answered points at who did.
 * <li>How many raters an administrator nominated is shown only for shown anonymous groups.
 * </ul>
 */
public record AnonymityPolicy(int threshold) {

    /** The threshold is a cycle setting but never below 3 (event contract v2). */
    public static final int MINIMUM_THRESHOLD = 3;

    private static final Comparator<String> ALPHABETICAL =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    public AnonymityPolicy {
        threshold = Math.max(threshold, MINIMUM_THRESHOLD);
    }

    public boolean isShown(Relationship relationship, int responses) {
        return !relationship.isAnonymous() || responses >= threshold;
    }

    /**
     * A group's number of responses, or null when it may not be shown: an anonymous group with
     * fewer than {@code threshold} invited raters. Shown otherwise, hidden groups included: a count
     * among at least {@code threshold} invited reveals no answer and no rater.
     */
    public Integer visibleResponseCount(Relationship relationship, int invited, int responses) {
        return relationship.isAnonymous() && invited < threshold ? null : responses;
    }

    /**
     * {@link #visibleResponseCount} of every group that was invited or responded, in the order of
     * {@link Relationship}.
     */
    public Map<Relationship, Integer> visibleResponseCounts(
            Map<Relationship, Integer> invited, Map<Relationship, Integer> responses) {
        var counts = new EnumMap<Relationship, Integer>(Relationship.class);
        for (Relationship r : Relationship.values()) {
            int asked = invited.getOrDefault(r, 0);
            int answered = responses.getOrDefault(r, 0);
            if (asked > 0 || answered > 0) {
                counts.put(r, visibleResponseCount(r, asked, answered));
            }
        }
        return counts;
    }

    /**
     * For each shown anonymous group, how many of its invited raters an administrator nominated
     * (0 included); hidden and attributed groups are absent.
     *
     * @param shown the groups {@link #shownGroups} let through
     */
    public Map<Relationship, Integer> visibleNominations(
            Set<Relationship> shown, Map<Relationship, Integer> nominated) {
        var visible = new EnumMap<Relationship, Integer>(Relationship.class);
        for (Relationship r : shown) {
            if (r.isAnonymous()) {
                visible.put(r, nominated.getOrDefault(r, 0));
            }
        }
        return visible;
    }

    /** The aggregate without its hidden groups: all a view may be computed from. */
    public ProfileAggregate shownGroups(ProfileAggregate aggregate) {
        var shown = new EnumMap<Relationship, ProfileAggregate.GroupTally>(Relationship.class);
        aggregate.groups().forEach((relationship, group) -> {
            if (isShown(relationship, group.responses())) {
                shown.put(relationship, group);
            }
        });
        return new ProfileAggregate(shown);
    }

    /**
     * Whether the others' mean of one item may be shown.
     *
     * @param ratingsByGroup how many raters of each shown non-SELF group rated the item
     */
    public boolean isItemMeanShown(Map<Relationship, Long> ratingsByGroup) {
        long total = 0;
        for (Map.Entry<Relationship, Long> entry : ratingsByGroup.entrySet()) {
            long n = entry.getValue();
            if (entry.getKey().isAnonymous() && n > 0 && n < threshold) {
                return false;
            }
            total += n;
        }
        return total >= threshold;
    }

    /** Comments in an order that says nothing about who answered when. */
    public List<String> inDisplayOrder(Collection<String> comments) {
        var sorted = new ArrayList<>(comments);
        sorted.sort(ALPHABETICAL);
        return sorted;
    }
}
