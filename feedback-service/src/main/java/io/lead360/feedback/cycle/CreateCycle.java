package io.lead360.feedback.cycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of POST /api/cycles: subjects chosen explicitly ({@code subjectIds}) or {@code allLeaders};
 * {@code anonymityThreshold} defaults to 3 and is never below 3 (a group of two
 * could each work out the other's answers); optional {@code closesAt}, when the
 * cycle closes by itself.
 */
record CreateCycle(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String templateId,
        @Size(max = 100_000) List<@NotBlank String> subjectIds,
        Boolean allLeaders,
        @Min(MIN_THRESHOLD) @Max(1000) Integer anonymityThreshold,
        Instant closesAt) {

    static final int MIN_THRESHOLD = 3;
    static final int DEFAULT_THRESHOLD = 3;

    int thresholdOrDefault() {
        return anonymityThreshold == null ? DEFAULT_THRESHOLD : anonymityThreshold;
    }

    boolean everyLeader() {
        return Boolean.TRUE.equals(allLeaders);
    }

    List<String> subjects() {
        return subjectIds == null ? List.of() : subjectIds;
    }
}
