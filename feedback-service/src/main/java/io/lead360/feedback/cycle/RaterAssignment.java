package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who rates a subject: themselves, their manager, their peers (same manager), their direct
 * reports and the approved nominees. Plain Java over the org chart; the same input gives the same
 * assignments, so that reopening after a crash asks for the same requests again, harmlessly (a
 * unique index on cycle, subject and rater refuses the second copy). Request ids are not made here:
 * they are random, so that nobody can work out from a person's id which request is theirs.
 *
 * <p>Rater burden: SELF, MANAGER, DIRECT_REPORT and approved nominations are always assigned (the
 * relationship is the point of a 360, and a nomination is an administrator's explicit choice), even
 * when they take a rater past the cap. Only org-derived PEER requests are subject to the cap: a peer
 * is asked only while their open requests (other open cycles plus this one so far) stay below it.
 * When there is not room for every peer, the choice is fair and deterministic: each subject ranks
 * their peer candidates least-loaded first (load after the mandatory requests), ties broken by a
 * hash of cycle id and rater id (so the same people are not always first); subjects then take turns
 * (round robin, in the order of a hash of cycle id and subject id), each taking their next ranked
 * peer who still has room. No subject loses all peers while another keeps many.
 */
final class RaterAssignment {

    /** @param nominatedByAdministrator the rater is there because an administrator (not the subject) nominated them */
    record Assignment(String subjectId, String raterId, Relationship relationship, boolean nominatedByAdministrator) {}

    /** An approved nomination: an extra PEER or OTHER rater for a subject, proposed by an administrator or the subject. */
    record Nominee(String subjectId, String raterId, Relationship relationship, boolean byAdministrator) {}

    private RaterAssignment() {}

    /** Without nominations or a burden cap. */
    static List<Assignment> assign(String cycleId, List<String> subjectIds, Map<String, String> managerOf) {
        return assign(cycleId, subjectIds, managerOf, List.of(), Map.of(), Integer.MAX_VALUE);
    }

    /**
     * @param managerOf       every active person's id to their manager's id (null for none); people
     *                        not in it (deactivated) are never assigned, as rater or subject
     * @param openLoad        rater id to their open requests in other open cycles
     * @param maxOpenPerRater the burden cap for PEER requests
     */
    static List<Assignment> assign(
            String cycleId,
            List<String> subjectIds,
            Map<String, String> managerOf,
            List<Nominee> nominees,
            Map<String, Integer> openLoad,
            int maxOpenPerRater) {
        Map<String, List<String>> reportsOf = new HashMap<>();
        managerOf.keySet().stream().sorted().forEach(person -> {
            String manager = managerOf.get(person);
            if (manager != null) {
                reportsOf.computeIfAbsent(manager, m -> new ArrayList<>()).add(person);
            }
        });
        List<String> subjects =
                subjectIds.stream().distinct().filter(managerOf::containsKey).toList();
        List<Assignment> assignments = new ArrayList<>();
        Map<String, Set<String>> ratersOf = new HashMap<>();
        Map<String, Integer> load = new HashMap<>(openLoad);
        Map<String, List<String>> peerCandidates = new LinkedHashMap<>();
        for (String subject : subjects) {
            Set<String> raters = ratersOf.computeIfAbsent(subject, s -> new HashSet<>());
            add(assignments, raters, load, new Assignment(subject, subject, Relationship.SELF, false));
            String manager = managerOf.get(subject);
            if (manager != null && managerOf.containsKey(manager)) {
                add(assignments, raters, load, new Assignment(subject, manager, Relationship.MANAGER, false));
                peerCandidates.put(
                        subject,
                        reportsOf.getOrDefault(manager, List.of()).stream()
                                .filter(p -> !p.equals(subject))
                                .toList());
            }
            for (String report : reportsOf.getOrDefault(subject, List.of())) {
                add(assignments, raters, load, new Assignment(subject, report, Relationship.DIRECT_REPORT, false));
            }
        }
        for (Nominee n : nominees) {
            Set<String> raters = ratersOf.get(n.subjectId());
            if (raters != null && managerOf.containsKey(n.raterId()) && !raters.contains(n.raterId())) {
                add(
                        assignments,
                        raters,
                        load,
                        new Assignment(n.subjectId(), n.raterId(), n.relationship(), n.byAdministrator()));
            }
        }
        assignments.addAll(fairPeers(cycleId, peerCandidates, ratersOf, load, maxOpenPerRater));
        return assignments;
    }

    private static List<Assignment> fairPeers(
            String cycleId,
            Map<String, List<String>> candidatesOf,
            Map<String, Set<String>> ratersOf,
            Map<String, Integer> load,
            int maxOpenPerRater) {
        Map<String, Integer> loadBefore = Map.copyOf(load);
        Comparator<String> leastLoaded = Comparator.comparingInt((String rater) -> loadBefore.getOrDefault(rater, 0))
                .thenComparingLong(rater -> hash(cycleId + "|" + rater))
                .thenComparing(Comparator.naturalOrder());
        Map<String, Deque<String>> queues = new LinkedHashMap<>();
        candidatesOf.keySet().stream()
                .sorted(Comparator.comparingLong((String s) -> hash(cycleId + "|" + s))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(subject -> {
                    List<String> ranked = candidatesOf.get(subject).stream()
                            .filter(p -> !ratersOf.get(subject).contains(p))
                            .sorted(leastLoaded)
                            .toList();
                    if (!ranked.isEmpty()) {
                        queues.put(subject, new ArrayDeque<>(ranked));
                    }
                });
        List<Assignment> peers = new ArrayList<>();
        while (!queues.isEmpty()) {
            Iterator<Map.Entry<String, Deque<String>>> turns = queues.entrySet().iterator();
            while (turns.hasNext()) {
                Map.Entry<String, Deque<String>> turn = turns.next();
                Deque<String> queue = turn.getValue();
                while (!queue.isEmpty()) {
                    String rater = queue.poll();
                    // load only grows, so a full rater never gets room again: dropping them is final
                    if (load.getOrDefault(rater, 0) < maxOpenPerRater) {
                        peers.add(new Assignment(turn.getKey(), rater, Relationship.PEER, false));
                        load.merge(rater, 1, Integer::sum);
                        break;
                    }
                }
                if (queue.isEmpty()) {
                    turns.remove();
                }
            }
        }
        return peers;
    }

    private static void add(
            List<Assignment> assignments, Set<String> raters, Map<String, Integer> load, Assignment assignment) {
        assignments.add(assignment);
        raters.add(assignment.raterId());
        load.merge(assignment.raterId(), 1, Integer::sum);
    }

    /** Stable across JVMs and runs (unlike String.hashCode's spread, which favours similar ids). */
    static long hash(String value) {
        return UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
