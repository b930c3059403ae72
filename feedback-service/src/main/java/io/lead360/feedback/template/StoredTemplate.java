package io.lead360.feedback.template;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An administrator's template as stored. {@code locked} is set when a cycle using it opens;
 * from then on it never changes (a changed questionnaire is a new version).
 */
@Document(StoredTemplate.COLLECTION)
record StoredTemplate(
        @Id String id,
        String name,
        int version,
        String basedOn,
        List<Template.Competency> competencies,
        List<Template.OpenQuestion> openQuestions,
        boolean locked,
        Instant createdAt) {

    static final String COLLECTION = "templates";

    Template template() {
        return new Template(
                id, name, version, basedOn, competencies, openQuestions == null ? List.of() : openQuestions);
    }
}
