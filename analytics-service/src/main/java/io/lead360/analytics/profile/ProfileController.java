package io.lead360.analytics.profile;

import io.lead360.analytics.audit.AuditAction;
import io.lead360.service.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/profiles")
@Tag(
        name = "Profiles",
        description = "A leader's 360 profile for a cycle, computed with the anonymity rules on every "
                + "read: means on the 1 to 5 scale after reverse scoring, an anonymous group shown only from the threshold, "
                + "comments without author or time")
class ProfileController {

    /** Two of the seven competencies of leadership-360; the peers were fewer than the threshold, so PEER is null. */
    static final String PROFILE_EXAMPLE = """
            {"subjectId":"8f7c2a51-0c1e-4a5b-9d3e-2b6f1a7c9e10","cycleId":"4d2f0b9e-6a1c-4f7e-8b3a-5c9d1e2f3a4b",
             "cycleName":"Leadership 360, spring","anonymityThreshold":3,
             "responses":{"SELF":1,"MANAGER":1,"PEER":null,"DIRECT_REPORT":4},
             "nominatedByAdministrator":{"DIRECT_REPORT":0},
             "competencies":[
               {"key":"TRUST","name":"Trust","self":4.0,"others":3.4,
                "byRelationship":{"MANAGER":{"mean":3.67,"n":1},"PEER":null,"DIRECT_REPORT":{"mean":3.33,"n":4}}},
               {"key":"EMPOWERMENT","name":"Empowerment","self":4.33,"others":3.0,
                "byRelationship":{"MANAGER":{"mean":3.33,"n":1},"PEER":null,"DIRECT_REPORT":{"mean":2.92,"n":4}}}],
             "leadingIndex":55,"blindSpots":["EMPOWERMENT"],"hiddenStrengths":[],
             "comments":{"start":["Share the quarterly goals earlier."],"stop":["Reviewing every slide."],
                         "continue":["The open Friday sessions."]},
             "items":[
               {"id":"trust-1","competency":"TRUST","text":"trusts me to make decisions in my area","reverse":false,
                "mean":3.6,"n":5},
               {"id":"trust-2","competency":"TRUST","text":"lets the team work autonomously","reverse":false,
                "mean":3.8,"n":5},
               {"id":"trust-3","competency":"TRUST","text":"second-guesses decisions the team has made","reverse":true,
                "mean":2.8,"n":5},
               {"id":"empowerment-1","competency":"EMPOWERMENT","text":"gives me room to learn from mistakes",
                "reverse":false,"mean":3.4,"n":5},
               {"id":"empowerment-2","competency":"EMPOWERMENT","text":"prescribes every step of how I work",
                "reverse":true,"mean":3.0,"n":5},
               {"id":"empowerment-3","competency":"EMPOWERMENT","text":"jumps in and does the work for the team",
                "reverse":true,"mean":2.6,"n":5}],
             "distribution":{"TRUST":[0,3,5,5,2],"EMPOWERMENT":[1,4,5,4,1]},
             "highestItems":["trust-2","trust-1","empowerment-1"],
             "lowestItems":["empowerment-3","trust-3","empowerment-2"],
             "gaps":{"TRUST":0.6,"EMPOWERMENT":1.33},
             "trend":[
               {"cycleId":"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","cycleName":"Leadership 360, autumn",
                "releasedAt":"2026-11-30T12:00:00Z","leadingIndex":48,"others":{"TRUST":3.1,"EMPOWERMENT":2.7}},
               {"cycleId":"4d2f0b9e-6a1c-4f7e-8b3a-5c9d1e2f3a4b","cycleName":"Leadership 360, spring",
                "releasedAt":"2027-06-07T12:00:00Z","leadingIndex":55,"others":{"TRUST":3.4,"EMPOWERMENT":3.0}}],
             "scale":{"lowest":1,"highest":5}}""";

    private final ProfileService profiles;
    private final AuditLog audit;

    ProfileController(ProfileService profiles, AuditLog audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    @Operation(
            operationId = "getMyProfile",
            summary = "My latest profile",
            description = "The caller's profile for their latest RELEASED cycle. Who may call it: anyone signed in "
                    + "(their own profile).")
    @ApiResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = LeadershipProfile.class),
                            examples =
                                    @ExampleObject(
                                            name = "profile",
                                            summary = "a profile with a blind spot",
                                            value = PROFILE_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "No released cycle about the caller")
    @ApiResponse(
            responseCode = "409",
            description = "Results are still being prepared: analytics has not yet applied "
                    + "every answer the close published")
    @GetMapping("/me")
    LeadershipProfile me(JwtAuthenticationToken token) {
        return profiles.ownLatest(Viewer.of(token));
    }

    @Operation(
            operationId = "getProfile",
            summary = "A leader's profile",
            description = "One subject's profile for a cycle (without `cycleId`: the latest released one; for an "
                    + "administrator the latest closed one). Before release the subject's own call answers 404, so "
                    + "that nothing about scores leaks. An administrator's read of someone else's profile is audited. "
                    + "Who may call it: ADMIN, or the subject themselves.")
    @ApiResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = LeadershipProfile.class),
                            examples =
                                    @ExampleObject(
                                            name = "profile",
                                            summary = "a profile with a blind spot",
                                            value = PROFILE_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "Neither the subject nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such profile, or (for the subject) not released yet")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The cycle is still OPEN (administrators: `Cycle still open`, with "
                            + "`responses` received so far by the threshold rule, never scores), or results are still being prepared")
    @GetMapping("/{subjectId}")
    LeadershipProfile profile(
            @PathVariable String subjectId,
            @Parameter(
                            description = "the cycle; without it the latest released (administrators: "
                                    + "closed) cycle about the subject")
                    @RequestParam(required = false)
                    String cycleId,
            JwtAuthenticationToken token) {
        Viewer viewer = Viewer.of(token);
        LeadershipProfile profile = profiles.profile(viewer, subjectId, cycleId);
        // Recorded before answering: an administrator's read of someone else's profile is never unaudited.
        if (viewer.admin() && !viewer.personId().equals(subjectId)) {
            audit.record(
                    viewer.personId(),
                    AuditAction.PROFILE_VIEWED,
                    AuditAction.PROFILE,
                    subjectId,
                    Map.of("cycleId", profile.cycleId()));
        }
        return profile;
    }
}
