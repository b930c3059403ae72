package io.lead360.analytics.profile;

import io.lead360.analytics.config.AnalyticsProperties;
import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.ActiveCollections.Served;
import io.lead360.events.Relationship;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.ForbiddenException;
import io.lead360.service.problem.NotFoundException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who may see which profile when: release gating, access rules and completeness, then the
 * calculation (which goes through the {@link AnonymityPolicy}). Released views are computed once
 * per state of the store ({@link ReleasedProfiles}); the access rules and the release gate run on
 * every call, before a kept view is looked for.
 */
@Service
public class ProfileService {

    private static final Set<CycleStatus> RELEASED = EnumSet.of(CycleStatus.RELEASED);
    private static final Set<CycleStatus> CLOSED_OR_RELEASED = EnumSet.of(CycleStatus.CLOSED, CycleStatus.RELEASED);

    private final CycleStore cycles;
    private final ProfileAggregateStore aggregates;
    private final ActiveCollections collections;
    private final ReleasedProfiles kept;

    ProfileService(
            CycleStore cycles,
            ProfileAggregateStore aggregates,
            ActiveCollections collections,
            AnalyticsProperties properties) {
        this.cycles = cycles;
        this.aggregates = aggregates;
        this.collections = collections;
        this.kept = new ReleasedProfiles(properties.profiles().cacheSize());
    }

    LeadershipProfile ownLatest(Viewer viewer) {
        Served served = collections.served();
        Cycle cycle = kept.latestReleased(
                        served,
                        viewer.personId(),
                        () -> cycles.latestWithSubject(viewer.personId(), RELEASED, "releasedAt"))
                .orElseThrow(() -> new NotFoundException("Profile not found", "You have no released profile"));
        return view(served, cycle, viewer.personId());
    }

    public LeadershipProfile profile(Viewer viewer, String subjectId, String cycleId) {
        // Access first: a stranger learns nothing, not even whether the subject or cycle exists.
        if (!viewer.admin() && !viewer.personId().equals(subjectId)) {
            throw new ForbiddenException("Only the subject or an administrator may see this profile");
        }
        // Before the cycle is read: a view computed from what is read next is kept under this state.
        Served served = collections.served();
        Optional<Cycle> found = cycleId != null
                ? kept.cycle(served, cycleId, () -> cycles.find(cycleId)).filter(c -> c.hasSubject(subjectId))
                : viewer.admin()
                        ? cycles.latestWithSubject(subjectId, CLOSED_OR_RELEASED, "closedAt")
                        : kept.latestReleased(
                                served, subjectId, () -> cycles.latestWithSubject(subjectId, RELEASED, "releasedAt"));
        Cycle cycle = found.orElseThrow(
                () -> new NotFoundException("Profile not found", "No profile for this subject and cycle"));
        if (viewer.admin()) {
            if (cycle.status() == CycleStatus.OPEN) {
                throw new ConflictException(
                                "Cycle still open",
                                "Cycle " + cycle.id() + " is open: no scores are shown before it is closed")
                        .with("responses", receivedSoFar(cycle, subjectId, aggregates.find(cycle.id(), subjectId)));
            }
        } else if (cycle.status() != CycleStatus.RELEASED) {
            // The same answer as for an unknown cycle: before release nothing about scores leaks.
            throw new NotFoundException("Profile not found", "No profile for this subject and cycle");
        }
        return view(served, cycle, subjectId);
    }

    private LeadershipProfile view(Served served, Cycle cycle, String subjectId) {
        return kept.view(served, cycle, subjectId, () -> {
            ProfileAggregate aggregate = aggregates.find(cycle.id(), subjectId);
            return withTrend(calculate(cycle, subjectId, aggregate), aggregate);
        });
    }

    /**
     * The profile of a closed or released cycle, once complete.
     *
     * @throws io.lead360.service.problem.ConflictException 409 while responses the close published
     *                                                         are still on their way
     */
    public LeadershipProfile calculate(Cycle cycle, String subjectId, ProfileAggregate aggregate) {
        if (cycle.questionnaire() == null) {
            // Only a later cycle event has arrived so far; the cycle is not fully known yet.
            throw new NotFoundException("Profile not found", "No profile for this subject and cycle");
        }
        if (!isComplete(cycle, subjectId, aggregate)) {
            throw new ConflictException(
                    "Results are still being prepared",
                    "Results are still being prepared for cycle " + cycle.id() + "; try again shortly");
        }
        // complete, so there is a tally
        Cycle.Tally tally = cycle.tallyFor(subjectId).orElseThrow();
        var subject = new SubjectInCycle(
                cycle.id(),
                cycle.name(),
                subjectId,
                cycle.anonymityThreshold(),
                cycle.questionnaire(),
                cycle.invitationsFor(subjectId),
                tally.responded());
        return ProfileCalculator.calculate(subject, aggregate);
    }

    /**
     * CycleClosed says how many responses of each group feedback-service publishes; a profile with
     * fewer applied would be a half-built one (and comparing it with the finished one would single
     * raters out). Nothing is accepted after the close, so a profile complete once never changes.
     * Without the close's tally for the subject nothing says what complete is: not complete.
     */
    static boolean isComplete(Cycle cycle, String subjectId, ProfileAggregate aggregate) {
        Optional<Cycle.Tally> tally = cycle.tallyFor(subjectId);
        if (tally.isEmpty()) {
            return false;
        }
        for (Map.Entry<Relationship, Integer> expected : tally.get().published().entrySet()) {
            if (aggregate.group(expected.getKey()).responses() < expected.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** With the trend over every complete released cycle; settled unless a released one was still incomplete. */
    private ReleasedProfiles.View withTrend(LeadershipProfile profile, ProfileAggregate ofProfile) {
        var trend = new ArrayList<LeadershipProfile.TrendPoint>();
        boolean settled = true;
        for (Cycle released : cycles.releasedWithSubject(profile.subjectId())) {
            ProfileAggregate aggregate = released.id().equals(profile.cycleId())
                    ? ofProfile
                    : aggregates.find(released.id(), profile.subjectId());
            if (released.questionnaire() == null || !isComplete(released, profile.subjectId(), aggregate)) {
                settled = false;
                continue;
            }
            LeadershipProfile past = released.id().equals(profile.cycleId())
                    ? profile
                    : calculate(released, profile.subjectId(), aggregate);
            var others = new LinkedHashMap<String, Double>();
            past.competencies().forEach(c -> others.put(c.key(), c.others()));
            trend.add(new LeadershipProfile.TrendPoint(
                    released.id(), released.name(), released.releasedAt(), past.leadingIndex(), others));
        }
        return new ReleasedProfiles.View(profile.withTrend(trend), settled);
    }

    /** While the cycle runs: what has arrived so far, under the same rule for small groups as the profile. */
    private static Map<Relationship, Integer> receivedSoFar(Cycle cycle, String subjectId, ProfileAggregate aggregate) {
        var received = new EnumMap<Relationship, Integer>(Relationship.class);
        aggregate.groups().forEach((r, g) -> received.put(r, g.responses()));
        return new AnonymityPolicy(cycle.anonymityThreshold())
                .visibleResponseCounts(cycle.invitationsFor(subjectId).invited(), received);
    }
}
