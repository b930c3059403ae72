package io.lead360.analytics.organisation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see SecurityConfig). */
@RestController
@RequestMapping("/api/organisation")
class OrganisationController {

    private final OrganisationService organisation;

    OrganisationController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/heatmap")
    Heatmap heatmap(@RequestParam String cycleId) {
        return organisation.heatmap(cycleId);
    }
}
