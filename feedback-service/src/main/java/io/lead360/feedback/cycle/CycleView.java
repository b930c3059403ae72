package io.lead360.feedback.cycle;

import java.time.Instant;
import java.util.List;

/** A cycle as the API shows it. */
public record CycleView(
        String id,
        String name,
        String templateId,
        List<String> subjectIds,
        boolean allLeaders,
        int anonymityThreshold,
        CycleStatus status,
        Instant createdAt,
        Instant openedAt,
        Instant closedAt,
        Instant releasedAt,
        Instant closesAt) {}
