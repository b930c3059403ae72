package io.lead360.feedback.request;

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

import java.util.List;

/** The caller's own feedback requests; the caller is the token's subject. */
@RestController
@RequestMapping("/api/feedback-requests")
class RequestController {

    private final RequestService requests;

    RequestController(RequestService requests) {
        this.requests = requests;
    }

    @GetMapping
    List<RequestViews.Summary> mine(Authentication caller) {
        return requests.list(caller.getName());
    }

    @GetMapping("/{id}")
    RequestViews.Detail one(@PathVariable String id, Authentication caller) {
        return requests.get(caller.getName(), id);
    }

    @PostMapping("/{id}/response")
    ResponseEntity<RequestViews.Submitted> respond(@PathVariable String id,
                                                   @RequestBody RequestViews.ResponseBody body,
                                                   Authentication caller) {
        RequestViews.Submitted submitted = requests.submit(caller.getName(), id, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(submitted);
    }

    @PutMapping("/{id}/draft")
    RequestViews.Draft saveDraft(@PathVariable String id, @RequestBody RequestViews.ResponseBody body,
                                 Authentication caller) {
        return requests.saveDraft(caller.getName(), id, body);
    }

    @PostMapping("/{id}/decline")
    RequestViews.Declined decline(@PathVariable String id,
                                  @RequestBody(required = false) RequestViews.DeclineBody body,
                                  Authentication caller) {
        return requests.decline(caller.getName(), id, body);
    }
}
