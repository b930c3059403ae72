package io.lead360.analytics.organisation;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.ProfileService;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.NotFoundException;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The organisation heatmap: every subject's profile, computed like any profile, then summarised. */
@Service
class OrganisationService {

    private final CycleStore cycles;
    private final ProfileAggregateStore aggregates;
    private final ProfileService profiles;

    OrganisationService(CycleStore cycles, ProfileAggregateStore aggregates, ProfileService profiles) {
        this.cycles = cycles;
        this.aggregates = aggregates;
        this.profiles = profiles;
    }

    Heatmap heatmap(String cycleId) {
        Cycle cycle = cycles.find(cycleId)
                .filter(c -> c.questionnaire() != null)
                .orElseThrow(() -> new NotFoundException("Profile not found", "No such cycle"));
        if (cycle.status() == CycleStatus.OPEN) {
            throw new ConflictException(
                    "Cycle still open", "Cycle " + cycleId + " is open: no scores are shown before it is closed");
        }
        Map<String, ProfileAggregate> bySubject = aggregates.findCycle(cycleId);
        var subjectProfiles = new ArrayList<LeadershipProfile>();
        for (String subjectId : cycle.subjectIds()) {
            subjectProfiles.add(
                    profiles.calculate(cycle, subjectId, bySubject.getOrDefault(subjectId, ProfileAggregate.EMPTY)));
        }
        return Heatmap.of(
                cycleId,
                cycle.questionnaire().competencies().stream()
                        .map(Questionnaire.Competency::key)
                        .toList(),
                subjectProfiles);
    }
}
