package io.lead360.feedback.request;

import io.lead360.events.RatingScale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The caller's own feedback requests; the caller is the token's subject. */
@RestController
@RequestMapping("/api/feedback-requests")
@Tag(
        name = "Feedback requests",
        description = "What a rater is asked: their own requests, the questionnaire, drafts, "
                + "responses and declines. Every call concerns the caller's own requests only; another person's request is "
                + "answered 404, to administrators too")
class RequestController {

    static final String RESPONSE_EXAMPLE = """
            {"ratings":{"trust-1":4,"trust-2":5,"delegation-3":2,"empowerment-2":null},
             "comments":{"start":"Share the quarterly goals earlier.","stop":"Reviewing every slide.",
                         "continue":"The open Friday sessions."}}""";
    static final String SUBMITTED_EXAMPLE = """
            {"id":"b7e4c1d2-9a8f-4e3b-a1c5-6d7e8f9a0b1c","status":"SUBMITTED"}""";

    private static final String RATER_ONLY = " Who may call it: the rater the request was made of (anyone else: 404).";

    private final RequestService requests;

    RequestController(RequestService requests) {
        this.requests = requests;
    }

    @Operation(
            operationId = "listMyFeedbackRequests",
            summary = "My feedback requests",
            description = "The requests made of the caller, each with its cycle, subject, relationship and status "
                    + "(PENDING, SUBMITTED, DECLINED). Who may call it: anyone signed in (their own requests).")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The caller's requests")
    @GetMapping
    List<RequestViews.Summary> mine(Authentication caller) {
        return requests.list(caller.getName());
    }

    @Operation(
            operationId = "getMyFeedbackRequest",
            summary = "One of my feedback requests",
            description = "The request with its questionnaire, the caller's draft, and `visibility`: how the answers "
                    + "will be shown (attributed for SELF and MANAGER; for an anonymous group pooled, and shown only "
                    + "once `responded` reaches the threshold)." + RATER_ONLY)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The request")
    @ApiResponse(responseCode = "404", description = "No such request of the caller")
    @GetMapping("/{id}")
    RequestViews.Detail one(@PathVariable String id, Authentication caller) {
        return requests.get(caller.getName(), id);
    }

    @Operation(
            operationId = "submitResponse",
            summary = "Answer a feedback request",
            description = "Ratings " + RatingScale.LOWEST + " to " + RatingScale.HIGHEST
                    + " per item (`null`: can't say) and the open questions' comments. Once only: a "
                    + "201 means the answer is counted, in the subject's ballot that knows no rater, and durable. "
                    + "Rate-limited per person at the gateway." + RATER_ONLY,
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RequestViews.ResponseBody.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "response",
                                                            summary = "ratings and comments",
                                                            value = RESPONSE_EXAMPLE))))
    @ApiResponse(
            responseCode = "201",
            description = "Counted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RequestViews.Submitted.class),
                            examples = @ExampleObject(name = "submitted", value = SUBMITTED_EXAMPLE)))
    @ApiResponse(
            responseCode = "400",
            description = "Unknown item or question ids, or scores outside " + RatingScale.LOWEST + " to "
                    + RatingScale.HIGHEST)
    @ApiResponse(responseCode = "404", description = "No such request of the caller")
    @ApiResponse(
            responseCode = "409",
            description =
                    "Answered or declined already, or the cycle is not OPEN (or past " + "its `closesAt`): not counted")
    @ApiResponse(
            responseCode = "429",
            description = "Too many responses, drafts and declines by this person; try "
                    + "again after `Retry-After` seconds")
    @PostMapping("/{id}/response")
    ResponseEntity<RequestViews.Submitted> respond(
            @PathVariable String id, @RequestBody RequestViews.ResponseBody body, Authentication caller) {
        RequestViews.Submitted submitted = requests.submit(caller.getName(), id, body);
        return ResponseEntity.created(
                        ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(submitted);
    }

    @Operation(
            operationId = "saveDraft",
            summary = "Save a draft answer",
            description =
                    "Validated like a response but may be incomplete; kept sealed for the rater alone and deleted "
                            + "when the cycle closes. Rate-limited per person at the gateway." + RATER_ONLY)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The saved draft")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown item or question ids, or scores outside " + RatingScale.LOWEST + " to "
                    + RatingScale.HIGHEST)
    @ApiResponse(responseCode = "404", description = "No such request of the caller")
    @ApiResponse(responseCode = "409", description = "Answered or declined already, or the cycle is not OPEN")
    @ApiResponse(
            responseCode = "429",
            description = "Too many responses, drafts and declines by this person; try "
                    + "again after `Retry-After` seconds")
    @PutMapping("/{id}/draft")
    RequestViews.Draft saveDraft(
            @PathVariable String id, @RequestBody RequestViews.ResponseBody body, Authentication caller) {
        return requests.saveDraft(caller.getName(), id, body);
    }

    @Operation(
            operationId = "declineRequest",
            summary = "Decline a feedback request",
            description =
                    "The request becomes DECLINED; the optional reason (up to 500 characters) is kept, sealed, for "
                            + "the rater alone until the cycle closes. Rate-limited per person at the gateway."
                            + RATER_ONLY)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The request, DECLINED")
    @ApiResponse(responseCode = "400", description = "A reason over 500 characters")
    @ApiResponse(responseCode = "404", description = "No such request of the caller")
    @ApiResponse(responseCode = "409", description = "Answered or declined already, or the cycle is not OPEN")
    @ApiResponse(
            responseCode = "429",
            description = "Too many responses, drafts and declines by this person; try "
                    + "again after `Retry-After` seconds")
    @PostMapping("/{id}/decline")
    RequestViews.Declined decline(
            @PathVariable String id,
            @RequestBody(required = false) RequestViews.DeclineBody body,
            Authentication caller) {
        return requests.decline(caller.getName(), id, body);
    }
}
