package io.lead360.analytics.organisation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.events.RatingScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organisation view of one cycle, computed only from the subjects' profiles, i.e. from what
 * the anonymity policy already let through: a subject's competency means are their pooled
 * {@code others}, averages are plain means of the shown values (each subject counts once), and a
 * subject's percentile is the percentile rank of their leading index among the cycle's subjects
 * that have one: {@code round(100 × (below + ½ × equal) / count)}, equal including themselves.
 */
public record Heatmap(
        String cycleId,
        List<String> competencies,
        List<SubjectRow> subjects,
        Map<String, Double> averages,
        Double leadingIndexAverage) {

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The rating scale the means are on ({@code "scale"} in the JSON), for the web app's axes and colours. */
    @JsonProperty("scale")
    public RatingScale.Bounds scale() {
        return RatingScale.BOUNDS;
    }

    public record SubjectRow(String subjectId, Integer leadingIndex, Integer percentile, Map<String, Double> means) {}

    public static Heatmap of(String cycleId, List<String> competencyKeys, List<LeadershipProfile> profiles) {
        List<Integer> indexes = profiles.stream()
                .map(LeadershipProfile::leadingIndex)
                .filter(Objects::nonNull)
                .toList();
        var rows = new ArrayList<SubjectRow>();
        for (LeadershipProfile profile : profiles) {
            var means = new LinkedHashMap<String, Double>();
            competencyKeys.forEach(key -> means.put(key, null));
            profile.competencies().forEach(c -> means.put(c.key(), c.others()));
            rows.add(new SubjectRow(
                    profile.subjectId(), profile.leadingIndex(), percentile(profile.leadingIndex(), indexes), means));
        }
        var averages = new LinkedHashMap<String, Double>();
        for (String key : competencyKeys) {
            averages.put(
                    key,
                    mean(rows.stream()
                            .map(r -> r.means().get(key))
                            .filter(Objects::nonNull)
                            .map(BigDecimal::valueOf)
                            .toList()));
        }
        Double indexAverage = mean(indexes.stream().map(BigDecimal::valueOf).toList());
        return new Heatmap(cycleId, List.copyOf(competencyKeys), rows, averages, indexAverage);
    }

    static Integer percentile(Integer value, List<Integer> all) {
        if (value == null || all.isEmpty()) {
            return null;
        }
        long below = all.stream().filter(v -> v < value).count();
        long equal = all.stream().filter(v -> v.equals(value)).count();
        // 100 × (below + equal / 2) / n = 50 × (2 × below + equal) / n
        return BigDecimal.valueOf(50 * (2 * below + equal))
                .divide(BigDecimal.valueOf(all.size()), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static Double mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
