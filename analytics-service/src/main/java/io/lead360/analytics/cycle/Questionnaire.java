package io.lead360.analytics.cycle;

import java.util.List;

/**
 * What the profile needs of a cycle's questionnaire: competencies with their items (and which
 * items are reverse-scored) and the open question ids. A snapshot taken when the cycle opened.
 */
public record Questionnaire(List<Competency> competencies, List<String> openQuestionIds) {

    public Questionnaire {
        competencies = List.copyOf(competencies);
        openQuestionIds = List.copyOf(openQuestionIds);
    }

    public record Competency(String key, String name, List<Item> items) {
        public Competency {
            items = List.copyOf(items);
        }
    }

    /** @param text the item's wording, null for cycles stored before the text was kept */
    public record Item(String id, String text, boolean reverse) {

        public Item(String id, boolean reverse) {
            this(id, null, reverse);
        }
    }
}
