package io.lead360.e2e;

import io.lead360.infra.demo.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares what lead360 counted with what the load driver got acknowledged: first the response
 * counts of the cycle's progress (feedback-service's ballots, the source of truth: counts, never
 * scores; a group smaller than the threshold shows none and is left out), then, after close and
 * release, every subject's whole profile in analytics against {@link ExpectedProfile}.
 */
final class ProfileChecker {

    /**
     * @param lost          acknowledged submissions missing from the counts
     * @param doubleCounted counted submissions beyond the acknowledged ones
     * @param millis        how long it took until the counts matched (or the time given, when they did not)
     */
    record Counts(boolean matched, int lost, int doubleCounted, long millis, String last) {}

    private final ApiClient api;
    private final List<String> competencyKeys;
    private final List<ExpectedProfile.Item> items;
    private final int threshold;

    ProfileChecker(ApiClient api, List<ExpectedProfile.Item> items, int threshold) {
        this.api = api;
        this.items = items;
        this.competencyKeys =
                items.stream().map(ExpectedProfile.Item::competency).distinct().toList();
        this.threshold = threshold;
    }

    /** Polls the counted responses of every subject of a cycle until they equal the acknowledged submissions. */
    Counts awaitCounts(
            String admin,
            String cycleId,
            Collection<String> subjects,
            Map<String, List<ExpectedProfile.Response>> acknowledged,
            Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Map<String, Integer>> last = new LinkedHashMap<>();
        while (true) {
            Map<String, Map<String, Integer>> counted = counted(admin, cycleId);
            boolean known = counted != null;
            if (known) {
                for (String subject : subjects) {
                    last.put(subject, counted.getOrDefault(subject, Map.of()));
                }
                int[] diff = difference(subjects, acknowledged, last);
                if (diff[0] == 0 && diff[1] == 0) {
                    return new Counts(true, 0, 0, (System.nanoTime() - started) / 1_000_000, last.toString());
                }
            }
            if (System.nanoTime() > deadline) {
                int[] diff = known ? difference(subjects, acknowledged, last) : new int[] {-1, -1};
                return new Counts(false, diff[0], diff[1], timeout.toMillis(), last.toString());
            }
            sleep(250);
        }
    }

    /**
     * Subject to group to responses counted, from the cycle's progress; groups whose count is not
     * shown (fewer than the threshold invited) are absent. Null when it cannot say right now.
     */
    Map<String, Map<String, Integer>> counted(String admin, String cycleId) {
        ApiClient.Response answer;
        try {
            answer = api.get("/api/cycles/" + cycleId + "/progress", admin);
        } catch (RuntimeException unreachable) {
            return null;
        }
        if (answer.status() != 200 || answer.json() == null) {
            return null;
        }
        Map<String, Map<String, Integer>> counted = new LinkedHashMap<>();
        for (JsonNode subject : answer.json().get("subjects")) {
            Map<String, Integer> groups = new LinkedHashMap<>();
            subject.get("relationships").properties().forEach(e -> {
                JsonNode responded = e.getValue().get("responded");
                if (responded != null && !responded.isNull()) {
                    groups.put(e.getKey(), responded.asInt());
                }
            });
            counted.put(subject.get("subjectId").asString(), groups);
        }
        return counted;
    }

    /** The response counts per relationship analytics has applied, or null when it cannot say right now. */
    Map<String, Integer> applied(String admin, String cycleId, String subject) {
        ApiClient.Response answer;
        try {
            answer = api.get("/api/profiles/" + subject + "?cycleId=" + cycleId, admin);
        } catch (RuntimeException unreachable) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (answer.status() == 404) {
            return counts; // the cycle is not known to analytics yet: nothing applied
        }
        if ((answer.status() != 409 && answer.status() != 200)
                || answer.json() == null
                || answer.json().get("responses") == null) {
            return null;
        }
        answer.json().get("responses").properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                counts.put(e.getKey(), e.getValue().asInt());
            }
        });
        return counts;
    }

    private static int[] difference(
            Collection<String> subjects,
            Map<String, List<ExpectedProfile.Response>> acknowledged,
            Map<String, Map<String, Integer>> actual) {
        int lost = 0;
        int extra = 0;
        for (String subject : subjects) {
            Map<String, Integer> want = new LinkedHashMap<>();
            acknowledged.getOrDefault(subject, List.of()).forEach(r -> want.merge(r.relationship(), 1, Integer::sum));
            Map<String, Integer> got = actual.getOrDefault(subject, Map.of());
            // only the groups whose count is shown can be compared
            Set<String> groups = new TreeSet<>(got.keySet());
            for (String group : groups) {
                int d = got.getOrDefault(group, 0) - want.getOrDefault(group, 0);
                if (d < 0) {
                    lost -= d;
                } else {
                    extra += d;
                }
            }
        }
        return new int[] {lost, extra};
    }

    /** After close and release: every subject's profile, number by number; returns the differences. */
    List<String> compareProfiles(
            String admin,
            String cycleId,
            Collection<String> subjects,
            Map<String, List<ExpectedProfile.Response>> acknowledged,
            Duration timeout) {
        List<String> differences = new ArrayList<>();
        Map<String, Map<String, Integer>> invited = invited(api, admin, cycleId);
        for (String subject : subjects) {
            ExpectedProfile expected = new ExpectedProfile(
                    competencyKeys,
                    items,
                    acknowledged.getOrDefault(subject, List.of()),
                    threshold,
                    invited.getOrDefault(subject, Map.of()));
            JsonNode profile = awaitProfile(admin, cycleId, subject, timeout);
            if (profile == null) {
                differences.add(subject + ": no profile within " + timeout);
                continue;
            }
            compare(subject, profile, expected, differences);
        }
        return differences;
    }

    /** Subject to group to how many were invited, from the cycle's progress (counts an administrator may see). */
    static Map<String, Map<String, Integer>> invited(ApiClient api, String admin, String cycleId) {
        Map<String, Map<String, Integer>> invited = new LinkedHashMap<>();
        for (JsonNode subject : api.get("/api/cycles/" + cycleId + "/progress", admin)
                .expect(200)
                .json()
                .get("subjects")) {
            Map<String, Integer> groups = new LinkedHashMap<>();
            subject.get("relationships")
                    .properties()
                    .forEach(e ->
                            groups.put(e.getKey(), e.getValue().get("invited").asInt()));
            invited.put(subject.get("subjectId").asString(), groups);
        }
        return invited;
    }

    private JsonNode awaitProfile(String admin, String cycleId, String subject, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ApiClient.Response answer = api.get("/api/profiles/" + subject + "?cycleId=" + cycleId, admin);
                if (answer.status() == 200) {
                    return answer.json();
                }
            } catch (RuntimeException unreachable) {
                // try again
            }
            sleep(500);
        }
        return null;
    }

    private static void compare(String subject, JsonNode profile, ExpectedProfile expected, List<String> differences) {
        Map<String, Integer> responses = new LinkedHashMap<>();
        profile.get("responses")
                .properties()
                .forEach(e -> responses.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asInt()));
        responses.values().removeIf(n -> n != null && n == 0);
        // a group nobody answered is not expected at all; one whose count is hidden is null on both sides
        Map<String, Integer> wanted = new LinkedHashMap<>(expected.responses);
        responses.keySet().removeIf(group -> responses.get(group) == null && !wanted.containsKey(group));
        check(differences, subject + " responses", responses, wanted);
        JsonNode competencies = profile.get("competencies");
        for (int i = 0; i < expected.competencies.size(); i++) {
            ExpectedProfile.Competency want = expected.competencies.get(i);
            JsonNode got = competencies.get(i);
            String where = subject + " " + want.key();
            check(differences, where + " key", got.get("key").asString(), want.key());
            check(differences, where + " self", number(got.get("self")), want.self());
            check(differences, where + " others", number(got.get("others")), want.others());
            want.byRelationship().forEach((group, g) -> {
                JsonNode gotGroup = got.get("byRelationship") == null
                        ? null
                        : got.get("byRelationship").get(group);
                if (g == null) {
                    check(differences, where + " " + group + " hidden", gotGroup == null || gotGroup.isNull(), true);
                } else if (gotGroup == null || gotGroup.isNull()) {
                    differences.add(where + " " + group + ": hidden, expected " + g);
                } else {
                    check(differences, where + " " + group + " mean", number(gotGroup.get("mean")), g.mean());
                    check(
                            differences,
                            where + " " + group + " n",
                            gotGroup.get("n").asInt(),
                            g.n());
                }
            });
        }
        JsonNode index = profile.get("leadingIndex");
        check(
                differences,
                subject + " leadingIndex",
                index == null || index.isNull() ? null : index.asInt(),
                expected.leadingIndex);
        check(differences, subject + " blindSpots", strings(profile.get("blindSpots")), expected.blindSpots);
        check(
                differences,
                subject + " hiddenStrengths",
                strings(profile.get("hiddenStrengths")),
                expected.hiddenStrengths);
        expected.comments.forEach((question, texts) -> check(
                differences,
                subject + " comments " + question,
                strings(
                        profile.get("comments") == null
                                ? null
                                : profile.get("comments").get(question)),
                texts));
    }

    private static void check(List<String> differences, String what, Object got, Object want) {
        if (!Objects.equals(got, want)) {
            differences.add(what + ": got " + got + ", expected " + want);
        }
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null && !array.isNull()) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
