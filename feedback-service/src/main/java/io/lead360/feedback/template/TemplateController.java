package io.lead360.feedback.template;

import io.lead360.feedback.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

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
}
