package io.lead360.feedback.template;

import io.lead360.service.problem.InvalidField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an administrator's questionnaire: named, at least one competency of at least one
 * item, keys and ids well-formed and unique (item ids across the whole template, since responses
 * name items without their competency), bounded texts.
 */
final class TemplateValidator {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_COMPETENCIES = 20;
    static final int MAX_ITEMS = 20;
    static final int MAX_OPEN_QUESTIONS = 10;
    private static final Pattern KEY = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private TemplateValidator() {}

    static List<InvalidField> validate(NewTemplate body) {
        List<InvalidField> errors = new ArrayList<>();
        if (body == null) {
            return List.of(InvalidField.field("body", "must be a template"));
        }
        text(errors, "name", body.name(), MAX_NAME);
        List<Template.Competency> competencies = body.templateCompetencies();
        if (competencies == null || competencies.isEmpty()) {
            errors.add(InvalidField.field("competencies", "at least one competency is needed"));
        } else if (competencies.size() > MAX_COMPETENCIES) {
            errors.add(InvalidField.field("competencies", "at most " + MAX_COMPETENCIES + " competencies"));
        } else {
            Set<String> keys = new HashSet<>();
            Set<String> itemIds = new HashSet<>();
            for (int c = 0; c < competencies.size(); c++) {
                String path = "competencies[" + c + "]";
                Template.Competency competency = competencies.get(c);
                if (competency == null) {
                    errors.add(InvalidField.field(path, "must be an object"));
                    continue;
                }
                if (competency.key() == null || !KEY.matcher(competency.key()).matches()) {
                    errors.add(InvalidField.field(path + ".key", "must be upper case letters, digits or _, up to 40"));
                } else if (!keys.add(competency.key())) {
                    errors.add(InvalidField.field(path + ".key", "duplicates another competency"));
                }
                text(errors, path + ".name", competency.name(), MAX_NAME);
                items(errors, path, competency.items(), itemIds);
            }
        }
        if (body.openQuestions() != null) {
            if (body.openQuestions().size() > MAX_OPEN_QUESTIONS) {
                errors.add(InvalidField.field("openQuestions", "at most " + MAX_OPEN_QUESTIONS + " open questions"));
            }
            Set<String> ids = new HashSet<>();
            for (int q = 0; q < body.openQuestions().size(); q++) {
                String path = "openQuestions[" + q + "]";
                Template.OpenQuestion question = body.openQuestions().get(q);
                if (question == null) {
                    errors.add(InvalidField.field(path, "must be an object"));
                    continue;
                }
                id(errors, path + ".id", question.id(), ids);
                text(errors, path + ".text", question.text(), MAX_TEXT);
            }
        }
        return errors;
    }

    private static void items(List<InvalidField> errors, String path, List<Template.Item> items, Set<String> itemIds) {
        if (items == null || items.isEmpty()) {
            errors.add(InvalidField.field(path + ".items", "at least one item is needed"));
            return;
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(InvalidField.field(path + ".items", "at most " + MAX_ITEMS + " items"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + ".items[" + i + "]";
            Template.Item item = items.get(i);
            if (item == null) {
                errors.add(InvalidField.field(itemPath, "must be an object"));
                continue;
            }
            id(errors, itemPath + ".id", item.id(), itemIds);
            text(errors, itemPath + ".text", item.text(), MAX_TEXT);
        }
    }

    private static void id(List<InvalidField> errors, String field, String id, Set<String> seen) {
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(InvalidField.field(field, "must be lower case letters, digits, - or _, up to 64"));
        } else if (!seen.add(id)) {
            errors.add(InvalidField.field(field, "duplicates another id"));
        }
    }

    private static void text(List<InvalidField> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(InvalidField.field(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(InvalidField.field(field, "must be at most " + max + " characters"));
        }
    }
}
