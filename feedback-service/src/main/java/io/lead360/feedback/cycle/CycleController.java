package io.lead360.feedback.cycle;

import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.mail.Mailbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Administrators run cycles (ADMIN only, see SecurityConfig; subjects may nominate their raters). */
@RestController
@RequestMapping("/api/cycles")
@Tag(
        name = "Cycles",
        description = "Feedback cycles: who is rated with which questionnaire, opened, closed and "
                + "released by administrators; subjects propose extra raters")
class CycleController {

    static final String CREATE_EXAMPLE = """
            {"name":"Leadership 360, spring","templateId":"leadership-360",
             "subjectIds":["8f7c2a51-0c1e-4a5b-9d3e-2b6f1a7c9e10"],"anonymityThreshold":3,
             "closesAt":"2027-05-31T17:00:00Z"}""";
    static final String CREATED_EXAMPLE = """
            {"id":"4d2f0b9e-6a1c-4f7e-8b3a-5c9d1e2f3a4b","name":"Leadership 360, spring","templateId":"leadership-360",
             "subjectIds":["8f7c2a51-0c1e-4a5b-9d3e-2b6f1a7c9e10"],"allLeaders":false,"anonymityThreshold":3,
             "status":"DRAFT","createdAt":"2027-05-02T09:00:00Z","closesAt":"2027-05-31T17:00:00Z"}""";

    private final CycleService cycles;
    private final CycleMailRounds mailRounds;
    private final Mailbox mailbox;

    CycleController(CycleService cycles, CycleMailRounds mailRounds, Mailbox mailbox) {
        this.cycles = cycles;
        this.mailRounds = mailRounds;
        this.mailbox = mailbox;
    }

    @Operation(
            operationId = "createCycle",
            summary = "Create a cycle",
            description =
                    "A DRAFT cycle about the given subjects (or, with `\"allLeaders\": true`, every active person "
                            + "with an active direct report), rated with a template. `anonymityThreshold` defaults to 3 and is "
                            + "at least 3: an anonymous group is shown only from that many responses. With `closesAt` (in the "
                            + "future) the cycle closes by itself. Who may call it: ADMIN.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CreateCycle.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "cycle",
                                                            summary = "one subject, closing by itself",
                                                            value = CREATE_EXAMPLE))))
    @ApiResponse(
            responseCode = "201",
            description = "The new cycle, in DRAFT",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CycleView.class),
                            examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @ApiResponse(
            responseCode = "400",
            description = "Bad fields (a threshold below 3, an unknown template or subject, "
                    + "`closesAt` in the past); `errors` names them")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @PostMapping
    ResponseEntity<CycleView> create(@Valid @RequestBody CreateCycle body, Authentication caller) {
        CycleView created = cycles.create(body, caller.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @Operation(
            operationId = "listCycles",
            summary = "List the cycles",
            description = "Every cycle with its status, `allLeaders` and `closesAt`. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The cycles")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @GetMapping
    List<CycleView> list() {
        return cycles.list();
    }

    @Operation(operationId = "getCycle", summary = "Read a cycle", description = "One cycle. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The cycle")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @GetMapping("/{id}")
    CycleView get(@PathVariable String id) {
        return cycles.get(id);
    }

    @Operation(
            operationId = "getCycleProgress",
            summary = "Response rates of a cycle",
            description =
                    "Per subject and relationship `invited`, `responded`, `declined` and `responseRate`: counts, "
                            + "never who. For an anonymous group (PEER, DIRECT_REPORT, OTHER) with fewer invited than the "
                            + "threshold only `invited` is given: there a count would tell who answered. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The counts")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @GetMapping("/{id}/progress")
    CycleProgress progress(@PathVariable String id) {
        return cycles.progress(id);
    }

    @Operation(
            operationId = "openCycle",
            summary = "Open a cycle",
            description =
                    "Asks for feedback: a request for each subject's SELF, MANAGER, PEERs (others with the same "
                            + "manager, capped per rater), DIRECT_REPORTs and approved nominees; DRAFT → OPEN. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The cycle, OPEN")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(
            responseCode = "409",
            description = "The cycle is not a DRAFT, its `closesAt` has passed, or its " + "template no longer exists")
    @PostMapping("/{id}/open")
    CycleView open(@PathVariable String id, Authentication caller) {
        return cycles.open(id, caller.getName());
    }

    @Operation(
            operationId = "closeCycle",
            summary = "Close a cycle",
            description = "OPEN → CLOSED. The close is a cut: a response acknowledged before it is counted, none after "
                    + "it; anonymous groups that ended below the threshold are destroyed unseen; drafts and decline "
                    + "reasons are deleted. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The cycle, CLOSED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(responseCode = "409", description = "The cycle is not OPEN")
    @PostMapping("/{id}/close")
    CycleView close(@PathVariable String id, Authentication caller) {
        return cycles.close(id, caller.getName());
    }

    @Operation(
            operationId = "releaseCycle",
            summary = "Release a cycle's results",
            description = "CLOSED → RELEASED: each subject can now read their profile. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The cycle, RELEASED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(responseCode = "409", description = "The cycle is not CLOSED")
    @PostMapping("/{id}/release")
    CycleView release(@PathVariable String id, Authentication caller) {
        return cycles.release(id, caller.getName());
    }

    @Operation(
            operationId = "remindRaters",
            summary = "Remind the raters of a cycle",
            description =
                    "Queues a reminder mail for every rater with a pending request who wants reminders, and "
                            + "answers with counts, never who: `reminded` (pending requests) and `mailsQueued` (raters mailed). "
                            + "At most once per `lead360.mail.manual-reminder-interval` (default an hour). Who may call it: ADMIN.")
    @ApiResponse(
            responseCode = "200",
            useReturnTypeSchema = true,
            description = "How many requests are pending, how many mails were queued")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(
            responseCode = "409",
            description = "The cycle is not OPEN, or raters were reminded less than the interval ago")
    @PostMapping("/{id}/remind")
    CycleMailRounds.Reminded remind(@PathVariable String id, Authentication caller) {
        return mailRounds.remind(id, caller.getName());
    }

    @Operation(
            operationId = "cycleMail",
            summary = "Mail of a cycle, counted",
            description =
                    "Per kind of mail (invitations, reminders, resultsReady) how many are queued, sent, failed and "
                            + "cancelled: counts, never to whom. Who may call it: ADMIN.")
    @ApiResponse(
            responseCode = "200",
            description = "Counts per kind and state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "counts",
                                            value =
                                                    "{\"invitations\":{\"queued\":0,\"sent\":12,\"failed\":0,\"cancelled\":1},"
                                                            + "\"reminders\":{\"queued\":3,\"sent\":0,\"failed\":0,\"cancelled\":0},"
                                                            + "\"resultsReady\":{\"queued\":0,\"sent\":0,\"failed\":0,\"cancelled\":0}}")))
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @GetMapping("/{id}/mail")
    Map<String, Map<String, Integer>> mail(@PathVariable String id) {
        cycles.get(id);
        return mailbox.countsView(id);
    }

    /** ADMIN, or a subject of the cycle for themselves (SecurityConfig lets any person reach this). */
    @Operation(
            operationId = "nominateRater",
            summary = "Nominate a rater",
            description =
                    "Proposes an extra PEER or OTHER rater for one subject of a DRAFT cycle; approved nominations "
                            + "become requests when the cycle opens. Audited, naming who nominated. Who may call it: ADMIN, or "
                            + "a subject of the cycle for themselves.")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The nomination, PROPOSED")
    @ApiResponse(responseCode = "400", description = "A missing or unknown subject, rater or relationship")
    @ApiResponse(responseCode = "403", description = "A subject nominating for someone else")
    @ApiResponse(responseCode = "404", description = "No such cycle")
    @ApiResponse(
            responseCode = "409",
            description = "The cycle is not a DRAFT, or the rater is already nominated for " + "this subject")
    @PostMapping("/{id}/nominations")
    ResponseEntity<Nomination.View> nominate(
            @PathVariable String id, @RequestBody Nomination.Proposal body, Authentication authentication) {
        Nomination.View created = cycles.nominate(id, body, Caller.of(authentication));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{nid}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @Operation(
            operationId = "listNominations",
            summary = "List a cycle's nominations",
            description = "Who may call it: ADMIN (every nomination), or a subject of the cycle (their own).")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The nominations")
    @ApiResponse(responseCode = "404", description = "No such cycle, or the caller is not one of its subjects")
    @GetMapping("/{id}/nominations")
    List<Nomination.View> nominations(@PathVariable String id, Authentication authentication) {
        return cycles.nominations(id, Caller.of(authentication));
    }

    @Operation(
            operationId = "approveNomination",
            summary = "Approve a nomination",
            description = "The nominee is asked for feedback when the cycle opens. Audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The nomination, APPROVED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle or nomination")
    @ApiResponse(responseCode = "409", description = "The nomination was decided already, or the cycle is not a DRAFT")
    @PostMapping("/{id}/nominations/{nominationId}/approve")
    Nomination.View approve(@PathVariable String id, @PathVariable String nominationId, Authentication caller) {
        return cycles.decide(id, nominationId, Nomination.Status.APPROVED, caller.getName());
    }

    @Operation(
            operationId = "rejectNomination",
            summary = "Reject a nomination",
            description = "The nominee is not asked. Audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The nomination, REJECTED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cycle or nomination")
    @ApiResponse(responseCode = "409", description = "The nomination was decided already, or the cycle is not a DRAFT")
    @PostMapping("/{id}/nominations/{nominationId}/reject")
    Nomination.View reject(@PathVariable String id, @PathVariable String nominationId, Authentication caller) {
        return cycles.decide(id, nominationId, Nomination.Status.REJECTED, caller.getName());
    }
}
