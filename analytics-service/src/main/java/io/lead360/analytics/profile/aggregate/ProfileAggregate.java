package io.lead360.analytics.profile.aggregate;

import io.lead360.events.RatingScale;
import io.lead360.events.Relationship;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The raw counts of one subject in one cycle, per relationship group, exactly as submitted:
 * reverse scoring and anonymity are applied when a profile is read, never when counting.
 */
public record ProfileAggregate(Map<Relationship, GroupTally> groups) {

    public static final ProfileAggregate EMPTY = new ProfileAggregate(Map.of());

    public ProfileAggregate {
        groups = groups.isEmpty() ? Map.of() : new EnumMap<>(groups);
    }

    public GroupTally group(Relationship relationship) {
        return groups.getOrDefault(relationship, GroupTally.EMPTY);
    }

    /**
     * @param responses number of responses of the group
     * @param items     item id to its raw ratings
     * @param comments  open question id to the group's non-blank answers
     * @param histograms item id to how often each raw score of the {@link RatingScale} was given (index 0 = its lowest)
     */
    public record GroupTally(
            int responses,
            Map<String, ItemTally> items,
            Map<String, List<String>> comments,
            Map<String, List<Long>> histograms) {

        public static final GroupTally EMPTY = new GroupTally(0, Map.of(), Map.of());

        public GroupTally {
            items = Map.copyOf(items);
            comments = Map.copyOf(comments);
            histograms = Map.copyOf(histograms);
        }

        public GroupTally(int responses, Map<String, ItemTally> items, Map<String, List<String>> comments) {
            this(responses, items, comments, Map.of());
        }

        public ItemTally item(String itemId) {
            return items.getOrDefault(itemId, ItemTally.EMPTY);
        }

        /** How often the item got the raw score (one of the {@link RatingScale}). */
        public long timesScored(String itemId, int score) {
            List<Long> histogram = histograms.getOrDefault(itemId, List.of());
            int index = score - RatingScale.LOWEST;
            return index < histogram.size() ? histogram.get(index) : 0;
        }
    }

    /** Raw sum and number of the non-null scores of one item ("can't say" counts as nothing). */
    public record ItemTally(long sum, long count) {
        public static final ItemTally EMPTY = new ItemTally(0, 0);
    }
}
