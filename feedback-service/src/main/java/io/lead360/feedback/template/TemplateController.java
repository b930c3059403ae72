package io.lead360.feedback.template;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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

/** Everyone reads questionnaires; administrators write them (see SecurityConfig). */
@RestController
@RequestMapping("/api/templates")
@Tag(
        name = "Templates",
        description = "Questionnaires: competencies of rated items and open questions. The built-in "
                + "`leadership-360` never changes")
class TemplateController {

    private final Templates templates;
    private final AuditLog audit;

    TemplateController(Templates templates, AuditLog audit) {
        this.templates = templates;
        this.audit = audit;
    }

    @Operation(
            operationId = "listTemplates",
            summary = "List the templates",
            description =
                    "Every questionnaire with its competencies, items and open questions. Who may call it: anyone "
                            + "signed in.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The templates")
    @GetMapping
    List<Template> all() {
        return templates.all();
    }

    @Operation(
            operationId = "getTemplate",
            summary = "Read a template",
            description = "One questionnaire. Who may call it: anyone signed in.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The template")
    @ApiResponse(responseCode = "404", description = "No such template")
    @GetMapping("/{id}")
    Template one(@PathVariable String id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("No template " + id));
    }

    @Operation(
            operationId = "createTemplate",
            summary = "Create a template",
            description = "A new questionnaire, version 1, or with `basedOn` a new version of an existing one (its "
                    + "version + 1). 1 to 20 competencies (keys `[A-Z][A-Z0-9_]*`), 1 to 20 items each (ids "
                    + "`[a-z0-9][a-z0-9_-]*`, unique in the template), texts up to 500 characters. Audited. Who may "
                    + "call it: ADMIN.")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The new template")
    @ApiResponse(responseCode = "400", description = "Fields that break a rule; `errors` names them")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @PostMapping
    ResponseEntity<Template> create(@RequestBody NewTemplate body, Authentication caller) {
        Template created = templates.create(body);
        audit.record(
                caller.getName(), AuditActions.TEMPLATE_CREATED, AuditActions.TEMPLATE, created.id(), details(created));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @Operation(
            operationId = "updateTemplate",
            summary = "Change a template",
            description = "Changes a template in place while no opened cycle uses it (then: create a new version). "
                    + "Audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The changed template")
    @ApiResponse(responseCode = "400", description = "Fields that break a rule; `errors` names them")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such template")
    @ApiResponse(responseCode = "409", description = "The built-in template, or one an opened cycle uses")
    @PutMapping("/{id}")
    Template update(@PathVariable String id, @RequestBody NewTemplate body, Authentication caller) {
        Template updated = templates.update(id, body);
        audit.record(caller.getName(), AuditActions.TEMPLATE_UPDATED, AuditActions.TEMPLATE, id, details(updated));
        return updated;
    }

    private static Map<String, Object> details(Template template) {
        return template.basedOn() == null
                ? Map.of("version", template.version())
                : Map.of("version", template.version(), "basedOn", template.basedOn());
    }
}
