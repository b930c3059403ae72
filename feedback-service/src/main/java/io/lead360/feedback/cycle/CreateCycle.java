package io.lead360.feedback.cycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of POST /api/cycles; {@code anonymityThreshold} defaults to 3 and is never below 2. */
record CreateCycle(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String templateId,
        @NotEmpty List<@NotBlank String> subjectIds,
        @Min(2) @Max(1000) Integer anonymityThreshold) {

    static final int DEFAULT_THRESHOLD = 3;

    int thresholdOrDefault() {
        return anonymityThreshold == null ? DEFAULT_THRESHOLD : anonymityThreshold;
    }
}
