package io.lead360.feedback.template;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.audit.AuditLog;
import io.lead360.feedback.web.NotFoundException;
import org.springframework.security.core.Authentication;
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
import java.util.Map;

/** Everyone reads questionnaires; administrators write them (see SecurityConfig). */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    private final Templates templates;
    private final AuditLog audit;

    TemplateController(Templates templates, AuditLog audit) {
        this.templates = templates;
        this.audit = audit;
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
    ResponseEntity<Template> create(@RequestBody NewTemplate body, Authentication caller) {
        Template created = templates.create(body);
        audit.record(caller.getName(), AuditActions.TEMPLATE_CREATED, AuditActions.TEMPLATE, created.id(),
                details(created));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping("/{id}")
    Template update(@PathVariable String id, @RequestBody NewTemplate body, Authentication caller) {
        Template updated = templates.update(id, body);
        audit.record(caller.getName(), AuditActions.TEMPLATE_UPDATED, AuditActions.TEMPLATE, id, details(updated));
        return updated;
    }

    private static Map<String, Object> details(Template template) {
        return template.basedOn() == null ? Map.of("version", template.version())
                : Map.of("version", template.version(), "basedOn", template.basedOn());
    }
}
