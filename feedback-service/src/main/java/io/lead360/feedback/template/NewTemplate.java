package io.lead360.feedback.template;

import java.util.List;

/**
 * Body of POST /api/templates (and PUT, where {@code basedOn} is ignored). Items are read with an
 * optional {@code reverse} (absent = false) and then checked as Template parts.
 */
record NewTemplate(
        String name, List<CompetencyInput> competencies, List<Template.OpenQuestion> openQuestions, String basedOn) {

    record CompetencyInput(String key, String name, List<ItemInput> items) {}

    record ItemInput(String id, String text, Boolean reverse) {}

    /** The competencies as Template parts; null entries stay null so that the validator can name them. */
    List<Template.Competency> templateCompetencies() {
        if (competencies == null) {
            return null;
        }
        return competencies.stream()
                .map(c -> c == null
                        ? null
                        : new Template.Competency(
                                c.key(),
                                c.name(),
                                c.items() == null
                                        ? null
                                        : c.items().stream()
                                                .map(i -> i == null
                                                        ? null
                                                        : new Template.Item(
                                                                i.id(), i.text(), Boolean.TRUE.equals(i.reverse())))
                                                .toList()))
                .toList();
    }
}
