package io.lead360.analytics.ingest;

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
     */
    public record GroupTally(int responses, Map<String, ItemTally> items, Map<String, List<String>> comments) {

        public static final GroupTally EMPTY = new GroupTally(0, Map.of(), Map.of());

        public GroupTally {
            items = Map.copyOf(items);
            comments = Map.copyOf(comments);
        }

        public ItemTally item(String itemId) {
            return items.getOrDefault(itemId, ItemTally.EMPTY);
        }
    }

    /** Raw sum and number of the non-null scores of one item ("can't say" counts as nothing). */
    public record ItemTally(long sum, long count) {
        public static final ItemTally EMPTY = new ItemTally(0, 0);
    }
}
