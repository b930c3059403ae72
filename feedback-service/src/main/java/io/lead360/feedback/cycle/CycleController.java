package io.lead360.feedback.cycle;

import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.mail.Mailbox;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

/** Administrators run cycles (ADMIN only, see SecurityConfig; subjects may nominate their raters). */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    private final CycleService cycles;
    private final Mailbox mailbox;

    CycleController(CycleService cycles, Mailbox mailbox) {
        this.cycles = cycles;
        this.mailbox = mailbox;
    }

    @PostMapping
    ResponseEntity<CycleView> create(@Valid @RequestBody CreateCycle body, Authentication caller) {
        CycleView created = cycles.create(body, caller.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    List<CycleView> list() {
        return cycles.list();
    }

    @GetMapping("/{id}")
    CycleView get(@PathVariable String id) {
        return cycles.get(id);
    }

    @GetMapping("/{id}/progress")
    CycleProgress progress(@PathVariable String id) {
        return cycles.progress(id);
    }

    @PostMapping("/{id}/open")
    CycleView open(@PathVariable String id, Authentication caller) {
        return cycles.open(id, caller.getName());
    }

    @PostMapping("/{id}/close")
    CycleView close(@PathVariable String id, Authentication caller) {
        return cycles.close(id, caller.getName());
    }

    @PostMapping("/{id}/release")
    CycleView release(@PathVariable String id, Authentication caller) {
        return cycles.release(id, caller.getName());
    }

    @PostMapping("/{id}/remind")
    CycleService.Reminded remind(@PathVariable String id, Authentication caller) {
        return cycles.remind(id, caller.getName());
    }

    /** Counts per kind of mail and state (queued, sent, failed, cancelled): never to whom. */
    @GetMapping("/{id}/mail")
    Map<String, Map<String, Integer>> mail(@PathVariable String id) {
        cycles.get(id);
        return mailbox.countsView(id);
    }

    /** ADMIN, or a subject of the cycle for themselves (SecurityConfig lets any person reach this). */
    @PostMapping("/{id}/nominations")
    ResponseEntity<Nomination.View> nominate(@PathVariable String id, @RequestBody Nomination.Proposal body,
                                             Authentication authentication) {
        Nomination.View created = cycles.nominate(id, body, Caller.of(authentication));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{nid}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/{id}/nominations")
    List<Nomination.View> nominations(@PathVariable String id, Authentication authentication) {
        return cycles.nominations(id, Caller.of(authentication));
    }

    @PostMapping("/{id}/nominations/{nominationId}/approve")
    Nomination.View approve(@PathVariable String id, @PathVariable String nominationId, Authentication caller) {
        return cycles.decide(id, nominationId, Nomination.Status.APPROVED, caller.getName());
    }

    @PostMapping("/{id}/nominations/{nominationId}/reject")
    Nomination.View reject(@PathVariable String id, @PathVariable String nominationId, Authentication caller) {
        return cycles.decide(id, nominationId, Nomination.Status.REJECTED, caller.getName());
    }
}
