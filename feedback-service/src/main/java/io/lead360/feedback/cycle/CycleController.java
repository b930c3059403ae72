package io.lead360.feedback.cycle;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Administrators run cycles (ADMIN only, see SecurityConfig). */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    @PostMapping
    ResponseEntity<CycleView> create(@Valid @RequestBody CreateCycle body) {
        CycleView created = cycles.create(body);
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
    CycleView open(@PathVariable String id) {
        return cycles.open(id);
    }

    @PostMapping("/{id}/close")
    CycleView close(@PathVariable String id) {
        return cycles.close(id);
    }

    @PostMapping("/{id}/release")
    CycleView release(@PathVariable String id) {
        return cycles.release(id);
    }
}
