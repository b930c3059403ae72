package io.lead360.feedback.template;

import io.lead360.feedback.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Everyone reads questionnaires; administrators write them (see SecurityConfig). */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<Template> all() {
        return templates.all();
    }

    @GetMapping("/{id}")
    Template one(@PathVariable String id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("No template " + id));
    }

    @PostMapping
    ResponseEntity<Template> create(@RequestBody NewTemplate body) {
        Template created = templates.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping("/{id}")
    Template update(@PathVariable String id, @RequestBody NewTemplate body) {
        return templates.update(id, body);
    }
}
