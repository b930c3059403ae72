package io.lead360.analytics.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatmapTest {

    @Test
    void percentileIsTheRankOfTheLeadingIndexCountingHalfTheTies() {
        Heatmap heatmap = Heatmap.of(
                "c1",
                List.of("TRUST", "VISION"),
                List.of(
                        profile("ana", 50, 3.0, 4.0),
                        profile("ben", 75, 4.0, null),
                        profile("cy", 75, 3.5, 2.0),
                        profile("dee", null, null, null)));

        assertThat(heatmap.subjects())
                .extracting(Heatmap.SubjectRow::percentile)
                .containsExactly(17, 67, 67, null); // 100 × (0 + ½) / 3 and 100 × (1 + 2 × ½) / 3
        assertThat(heatmap.subjects().get(1).means())
                .containsEntry("TRUST", 4.0)
                .containsEntry("VISION", null);
    }

    @Test
    void averagesAreMeansOfTheShownValuesOnly() {
        Heatmap heatmap = Heatmap.of(
                "c1",
                List.of("TRUST", "VISION"),
                List.of(
                        profile("ana", 50, 3.0, 4.0),
                        profile("ben", 75, 4.0, null),
                        profile("cy", 75, 3.5, 2.0),
                        profile("dee", null, null, null)));

        assertThat(heatmap.averages()).containsEntry("TRUST", 3.5).containsEntry("VISION", 3.0);
        assertThat(heatmap.leadingIndexAverage()).isEqualTo(66.67);
    }

    @Test
    void emptyCycleHasNoAverages() {
        Heatmap heatmap = Heatmap.of("c1", List.of("TRUST"), List.of());

        assertThat(heatmap.averages()).containsEntry("TRUST", null);
        assertThat(heatmap.leadingIndexAverage()).isNull();
    }

    static LeadershipProfile profile(String subjectId, Integer index, Double trust, Double vision) {
        var competencies = Arrays.asList(
                new CompetencyScore("TRUST", "Trust", null, trust, Map.of()),
                new CompetencyScore("VISION", "Vision", null, vision, Map.of()));
        return new LeadershipProfile(
                subjectId,
                "c1",
                "Cycle",
                3,
                Map.of(),
                Map.of(),
                competencies,
                index,
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of());
    }
}
