package io.lead360.feedback.ballot;

import io.lead360.events.Relationship;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which held answers a ballot publishes now, and which it destroys. The aim: whoever watches what
 * leaves feedback-service (the Kafka topic, analytics' store, even with the time of every write) can
 * never tie one published answer to fewer than {@code k} raters of its group.
 * <ul>
 * <li>SELF and MANAGER are attributed by design: published as they come.
 * <li>An anonymous group (PEER, DIRECT_REPORT, OTHER) publishes only once it holds at least
 * {@code 2k}: then the {@code n - k} answers with the smallest random keys, keeping {@code k} back.
 * So every batch has at least {@code k} answers, drawn at random from everything held, and at the
 * close at least {@code k} are still held for the last batch (never a lone straggler).
 * <li>At the close (sealed) a group that reached {@code k} responses publishes everything held; a group
 * below {@code k} publishes nothing and its answers are destroyed: it could never be shown, and kept
 * it would tell anyone who knows the org chart what its few raters said.
 * </ul>
 * Choosing by the random keys makes the choice the same for every publisher that reads the same
 * state, and nested for later states, so two instances publishing at once only duplicate records.
 */
final class BatchRule {

    record Selection(List<Ballot.Held> publish, List<Ballot.Held> destroy) {

        boolean isEmpty() {
            return publish.isEmpty() && destroy.isEmpty();
        }
    }

    private static final Comparator<Ballot.Held> BY_KEY = Comparator.comparing(Ballot.Held::key);

    private BatchRule() {}

    static Selection select(
            int threshold, boolean sealed, Map<Relationship, Integer> responded, List<Ballot.Held> held) {
        Map<Relationship, List<Ballot.Held>> byGroup = new EnumMap<>(Relationship.class);
        held.forEach(h -> byGroup.computeIfAbsent(h.relationship(), r -> new ArrayList<>())
                .add(h));
        List<Ballot.Held> publish = new ArrayList<>();
        List<Ballot.Held> destroy = new ArrayList<>();
        byGroup.forEach((relationship, entries) -> {
            entries.sort(BY_KEY);
            if (!relationship.isAnonymous()) {
                publish.addAll(entries);
            } else if (sealed) {
                (publishedAtClose(relationship, responded.getOrDefault(relationship, 0), threshold) > 0
                                ? publish
                                : destroy)
                        .addAll(entries);
            } else if (entries.size() >= 2 * threshold) {
                publish.addAll(entries.subList(0, entries.size() - threshold));
            }
        });
        publish.sort(BY_KEY);
        return new Selection(List.copyOf(publish), List.copyOf(destroy));
    }

    /** How many of a group's responses are published in all: every one, or none for an anonymous group below k. */
    static int publishedAtClose(Relationship relationship, int responded, int threshold) {
        return !relationship.isAnonymous() || responded >= threshold ? responded : 0;
    }
}
