package io.lead360.e2e;

import io.lead360.infra.demo.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what analytics shows with what the load driver got acknowledged: first the response
 * counts (while the cycle is open, an administrator sees counts, never scores), then, after close
 * and release, every subject's whole profile against {@link ExpectedProfile}.
 */
final class ProfileChecker {

    /**
     * @param lost          acknowledged submissions missing from the counts
     * @param doubleCounted counted submissions beyond the acknowledged ones
     * @param millis        how long it took until the counts matched (or the time given, when they did not)
     */
    record Counts(boolean matched, int lost, int doubleCounted, long millis, String last) {
    }

    private final ApiClient api;
    private final List<String> competencyKeys;
    private final List<ExpectedProfile.Item> items;
    private final int threshold;

    ProfileChecker(ApiClient api, List<ExpectedProfile.Item> items, int threshold) {
        this.api = api;
        this.items = items;
        this.competencyKeys = items.stream().map(ExpectedProfile.Item::competency).distinct().toList();
        this.threshold = threshold;
    }

    /** Polls the counts of every subject of an OPEN cycle until they equal the acknowledged submissions. */
    Counts awaitCounts(String admin, String cycleId, Collection<String> subjects,
                       Map<String, List<ExpectedProfile.Response>> acknowledged, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Map<String, Integer>> last = new LinkedHashMap<>();
        while (true) {
            boolean known = true;
            for (String subject : subjects) {
                Map<String, Integer> counts = counts(admin, cycleId, subject);
                if (counts == null) {
                    known = false;
                    break;
                }
                last.put(subject, counts);
            }
            if (known) {
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

    /** The response counts per relationship analytics has applied, or null when it cannot say right now. */
    Map<String, Integer> counts(String admin, String cycleId, String subject) {
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
        if ((answer.status() != 409 && answer.status() != 200) || answer.json() == null
                || answer.json().get("responses") == null) {
            return null;
        }
        answer.json().get("responses").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static int[] difference(Collection<String> subjects, Map<String, List<ExpectedProfile.Response>> acknowledged,
                                    Map<String, Map<String, Integer>> actual) {
        int lost = 0;
        int extra = 0;
        for (String subject : subjects) {
            Map<String, Integer> want = new LinkedHashMap<>();
            acknowledged.getOrDefault(subject, List.of()).forEach(r -> want.merge(r.relationship(), 1, Integer::sum));
            Map<String, Integer> got = actual.getOrDefault(subject, Map.of());
            Set<String> groups = new TreeSet<>(want.keySet());
            groups.addAll(got.keySet());
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
    List<String> compareProfiles(String admin, String cycleId, Collection<String> subjects,
                                 Map<String, List<ExpectedProfile.Response>> acknowledged, Duration timeout) {
        List<String> differences = new ArrayList<>();
        for (String subject : subjects) {
            ExpectedProfile expected = new ExpectedProfile(competencyKeys, items,
                    acknowledged.getOrDefault(subject, List.of()), threshold);
            JsonNode profile = awaitProfile(admin, cycleId, subject, timeout);
            if (profile == null) {
                differences.add(subject + ": no profile within " + timeout);
                continue;
            }
            compare(subject, profile, expected, differences);
        }
        return differences;
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
        profile.get("responses").properties().forEach(e -> responses.put(e.getKey(), e.getValue().asInt()));
        responses.values().removeIf(n -> n == 0);
        check(differences, subject + " responses", responses, expected.responses);
        JsonNode competencies = profile.get("competencies");
        for (int i = 0; i < expected.competencies.size(); i++) {
            ExpectedProfile.Competency want = expected.competencies.get(i);
            JsonNode got = competencies.get(i);
            String where = subject + " " + want.key();
            check(differences, where + " key", got.get("key").asString(), want.key());
            check(differences, where + " self", number(got.get("self")), want.self());
            check(differences, where + " others", number(got.get("others")), want.others());
            want.byRelationship().forEach((group, g) -> {
                JsonNode gotGroup = got.get("byRelationship") == null ? null : got.get("byRelationship").get(group);
                if (g == null) {
                    check(differences, where + " " + group + " hidden", gotGroup == null || gotGroup.isNull(), true);
                } else if (gotGroup == null || gotGroup.isNull()) {
                    differences.add(where + " " + group + ": hidden, expected " + g);
                } else {
                    check(differences, where + " " + group + " mean", number(gotGroup.get("mean")), g.mean());
                    check(differences, where + " " + group + " n", gotGroup.get("n").asInt(), g.n());
                }
            });
        }
        JsonNode index = profile.get("leadingIndex");
        check(differences, subject + " leadingIndex", index == null || index.isNull() ? null : index.asInt(),
                expected.leadingIndex);
        check(differences, subject + " blindSpots", strings(profile.get("blindSpots")), expected.blindSpots);
        check(differences, subject + " hiddenStrengths", strings(profile.get("hiddenStrengths")), expected.hiddenStrengths);
        expected.comments.forEach((question, texts) -> check(differences, subject + " comments " + question,
                strings(profile.get("comments") == null ? null : profile.get("comments").get(question)), texts));
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
