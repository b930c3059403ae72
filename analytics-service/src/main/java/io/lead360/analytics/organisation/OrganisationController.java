package io.lead360.analytics.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see SecurityConfig). */
@RestController
@RequestMapping("/api/organisation")
@Tag(
        name = "Organisation",
        description = "The organisation's view of a cycle, made only of what the subjects' " + "profiles already show")
class OrganisationController {

    private final OrganisationService organisation;

    OrganisationController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @Operation(
            operationId = "getHeatmap",
            summary = "The heatmap of a cycle",
            description = "Per subject the leading index, its percentile among the cycle's subjects and the pooled "
                    + "competency means, with the averages; every value through the same anonymity rules as the "
                    + "profile. For a CLOSED or RELEASED cycle. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The heatmap")
    @ApiResponse(responseCode = "400", description = "No `cycleId`")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(responseCode = "409", description = "The cycle is still OPEN, or results are still being prepared")
    @GetMapping("/heatmap")
    Heatmap heatmap(@Parameter(description = "the cycle") @RequestParam String cycleId) {
        return organisation.heatmap(cycleId);
    }
}
