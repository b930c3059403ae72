package io.lead360.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile API.md says a leader must get, worked out by the test from what it submitted,
 * independently of analytics-service's code.
 */
final class ExpectedProfile {

    record Item(String id, String competency, boolean reverse) {}

    record Response(String relationship, Map<String, Integer> ratings, Map<String, String> comments) {}

    record Group(Double mean, int n) {}

    record Competency(String key, Double self, Double others, Map<String, Group> byRelationship) {}

    /** Others' view of one item: {@code n} non-null ratings from shown non-SELF groups, mean or hidden. */
    record ItemView(String id, String competency, Double mean, int n) {}

    /** Per group the responses counted; null for an anonymous group of fewer than the threshold invited. */
    final Map<String, Integer> responses = new LinkedHashMap<>();

    final List<Competency> competencies = new ArrayList<>();
    final Integer leadingIndex;
    final Set<String> blindSpots = new TreeSet<>();
    final Set<String> hiddenStrengths = new TreeSet<>();
    final Map<String, Set<String>> comments = new LinkedHashMap<>();
    final Map<String, ItemView> items = new LinkedHashMap<>();
    final Map<String, int[]> distribution = new LinkedHashMap<>();
    final Map<String, Double> gaps = new LinkedHashMap<>();
    final List<String> highestItems;
    final List<String> lowestItems;

    ExpectedProfile(List<String> competencyKeys, List<Item> items, List<Response> all, int threshold) {
        this(competencyKeys, items, all, threshold, Map.of());
    }

    /**
     * @param invited group to how many were invited (from the cycle's progress); a group missing here is
     *                taken to have had enough invited for its count to be shown
     */
    ExpectedProfile(
            List<String> competencyKeys,
            List<Item> items,
            List<Response> all,
            int threshold,
            Map<String, Integer> invited) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (Response r : all) {
            counted.merge(r.relationship(), 1, Integer::sum);
        }
        Set<String> shown = new TreeSet<>();
        for (var e : counted.entrySet()) {
            boolean anonymous = Set.of("PEER", "DIRECT_REPORT", "OTHER").contains(e.getKey());
            if (!e.getKey().equals("SELF") && (!anonymous || e.getValue() >= threshold)) {
                shown.add(e.getKey());
            }
            boolean tooFewInvited = anonymous && invited.getOrDefault(e.getKey(), threshold) < threshold;
            responses.put(e.getKey(), tooFewInvited ? null : e.getValue());
        }
        for (String key : competencyKeys) {
            Map<String, Group> byRelationship = new LinkedHashMap<>();
            for (String group : counted.keySet()) {
                if (group.equals("SELF")) {
                    continue;
                }
                byRelationship.put(
                        group,
                        shown.contains(group)
                                ? new Group(round(mean(all, items, key, Set.of(group))), counted.get(group))
                                : null);
            }
            Double self = round(mean(all, items, key, Set.of("SELF")));
            Double others = round(mean(all, items, key, shown));
            competencies.add(new Competency(key, self, others, byRelationship));
            if (self != null && others != null && self - others >= 1.0 - 1e-9) {
                blindSpots.add(key);
            }
            if (self != null && others != null && others - self >= 1.0 - 1e-9) {
                hiddenStrengths.add(key);
            }
        }
        itemViews(items, all, shown, threshold);
        for (Competency c : competencies) {
            gaps.put(c.key(), c.self() == null || c.others() == null ? null : round(c.self() - c.others()));
        }
        List<ItemView> shownItems =
                this.items.values().stream().filter(i -> i.mean() != null).toList();
        highestItems = shownItems.stream()
                .sorted(java.util.Comparator.comparing(ItemView::mean)
                        .reversed()
                        .thenComparing(ItemView::id))
                .limit(3)
                .map(ItemView::id)
                .toList();
        lowestItems = shownItems.stream()
                .sorted(java.util.Comparator.comparing(ItemView::mean).thenComparing(ItemView::id))
                .limit(3)
                .map(ItemView::id)
                .toList();
        Double m = mean(all, items, null, shown);
        leadingIndex = m == null ? null : (int) Math.round(100 * (m - 1) / 4);
        for (String question : List.of("start", "stop", "continue")) {
            Set<String> texts = new TreeSet<>();
            for (Response r : all) {
                String text = r.comments().get(question);
                boolean visible =
                        shown.contains(r.relationship()) || r.relationship().equals("SELF");
                if (visible && text != null && !text.isBlank()) {
                    texts.add(text);
                }
            }
            comments.put(question, texts);
        }
    }

    /**
     * Per item: shown when at least {@code threshold} shown non-SELF raters rated it and no shown
     * anonymous group rated it fewer than {@code threshold} times; one hidden (but rated) item hides
     * every item mean of its competency, so the distribution cannot give it away.
     */
    private void itemViews(List<Item> items, List<Response> all, Set<String> shown, int threshold) {
        Set<String> hiddenCompetencies = new TreeSet<>();
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Item item : items) {
            int n = 0;
            double sum = 0;
            Map<String, Integer> byGroup = new LinkedHashMap<>();
            int[] histogram = distribution.computeIfAbsent(item.competency(), k -> new int[5]);
            for (Response r : all) {
                Integer score = r.ratings().get(item.id());
                if (score == null || !shown.contains(r.relationship())) {
                    continue;
                }
                int value = item.reverse() ? 6 - score : score;
                n++;
                sum += value;
                histogram[value - 1]++;
                byGroup.merge(r.relationship(), 1, Integer::sum);
            }
            boolean thinGroup = byGroup.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals("MANAGER") && e.getValue() < threshold);
            boolean visible = n >= threshold && !thinGroup;
            if (!visible && n > 0) {
                hiddenCompetencies.add(item.competency());
            }
            counts.put(item.id(), n);
            means.put(item.id(), visible ? round(sum / n) : null);
        }
        for (Item item : items) {
            Double mean = hiddenCompetencies.contains(item.competency()) ? null : means.get(item.id());
            this.items.put(item.id(), new ItemView(item.id(), item.competency(), mean, counts.get(item.id())));
        }
    }

    /** Mean of the non-null, reverse-scored ratings of one competency (or all, when null) from the given groups. */
    private static Double mean(List<Response> all, List<Item> items, String competency, Set<String> groups) {
        double sum = 0;
        int count = 0;
        for (Response r : all) {
            if (!groups.contains(r.relationship())) {
                continue;
            }
            for (Item item : items) {
                Integer score = r.ratings().get(item.id());
                if (score == null || (competency != null && !competency.equals(item.competency()))) {
                    continue;
                }
                sum += item.reverse() ? 6 - score : score;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static Double round(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
