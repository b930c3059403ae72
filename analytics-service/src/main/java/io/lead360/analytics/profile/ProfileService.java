package io.lead360.analytics.profile;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.ingest.ProfileAggregateStore;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who may see which profile when: release gating and access rules, then the calculation. */
@Service
class ProfileService {

    private static final Set<CycleStatus> RELEASED = EnumSet.of(CycleStatus.RELEASED);
    private static final Set<CycleStatus> CLOSED_OR_RELEASED = EnumSet.of(CycleStatus.CLOSED, CycleStatus.RELEASED);

    private final CycleStore cycles;
    private final ProfileAggregateStore aggregates;

    ProfileService(CycleStore cycles, ProfileAggregateStore aggregates) {
        this.cycles = cycles;
        this.aggregates = aggregates;
    }

    LeadershipProfile ownLatest(Viewer viewer) {
        Cycle cycle = cycles.latestWithSubject(viewer.personId(), RELEASED, "releasedAt")
                .orElseThrow(() -> ProfileProblems.notFound("You have no released profile"));
        return calculate(cycle, viewer.personId());
    }

    LeadershipProfile profile(Viewer viewer, String subjectId, String cycleId) {
        // Access first: a stranger learns nothing, not even whether the subject or cycle exists.
        if (!viewer.admin() && !viewer.personId().equals(subjectId)) {
            throw ProfileProblems.forbidden();
        }
        Optional<Cycle> found = cycleId != null
                ? cycles.find(cycleId).filter(c -> c.hasSubject(subjectId))
                : viewer.admin()
                ? cycles.latestWithSubject(subjectId, CLOSED_OR_RELEASED, "closedAt")
                : cycles.latestWithSubject(subjectId, RELEASED, "releasedAt");
        Cycle cycle = found.orElseThrow(() -> ProfileProblems.notFound("No profile for this subject and cycle"));
        if (viewer.admin()) {
            if (cycle.status() == CycleStatus.OPEN) {
                throw ProfileProblems.notClosed(cycle.id());
            }
        } else if (cycle.status() != CycleStatus.RELEASED) {
            // The same answer as for an unknown cycle: before release nothing about scores leaks.
            throw ProfileProblems.notFound("No profile for this subject and cycle");
        }
        return calculate(cycle, subjectId);
    }

    private LeadershipProfile calculate(Cycle cycle, String subjectId) {
        if (cycle.questionnaire() == null) {
            // Only a later cycle event has arrived so far; the cycle is not fully known yet.
            throw ProfileProblems.notFound("No profile for this subject and cycle");
        }
        var subject = new SubjectInCycle(cycle.id(), cycle.name(), subjectId, cycle.anonymityThreshold(),
                cycle.questionnaire(), cycle.invitedFor(subjectId));
        return ProfileCalculator.calculate(subject, aggregates.find(cycle.id(), subjectId));
    }
}
