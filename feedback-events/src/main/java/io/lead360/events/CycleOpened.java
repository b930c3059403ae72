package io.lead360.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An administrator opened a cycle: its questionnaire (a snapshot, so analytics needs no other
 * source) and, sealed per subject with that subject's key, how many raters were invited.
 *
 * @param subjects one {@link Invitations} per subject, sealed for ({@code "CycleOpened"}, eventId, cycleId, subjectId)
 */
public record CycleOpened(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId,
        String name,
        int anonymityThreshold,
        Questionnaire questionnaire,
        List<SealedSubject> subjects)
        implements FeedbackEvent {

    public static final int VERSION = 2;

    @Override
    public String partitionKey() {
        return cycleId;
    }

    @Override
    public String topic() {
        return Topics.CYCLE_EVENTS;
    }

    public String sealContext(String subjectId) {
        return SubjectSeal.context("CycleOpened", eventId, cycleId, subjectId);
    }

    public List<String> subjectIds() {
        return subjects.stream().map(SealedSubject::subjectId).toList();
    }

    /**
     * The sealed part about one subject. It repeats the threshold and a fingerprint of the
     * questionnaire, so that the readable part cannot be swapped without breaking every seal.
     *
     * @param invited                  relationship to number of invited raters
     * @param nominatedByAdministrator of those, how many an administrator nominated (not the subject)
     */
    public record Invitations(
            Map<Relationship, Integer> invited,
            Map<Relationship, Integer> nominatedByAdministrator,
            int anonymityThreshold,
            String questionnaireFingerprint) {}

    /** The questionnaire of a cycle as it was when the cycle opened. */
    public record Questionnaire(
            String templateId, String name, List<Competency> competencies, List<OpenQuestion> openQuestions) {

        /** SHA-256 over every text and flag of the questionnaire, in order (hex). */
        public String fingerprint() {
            StringBuilder text = new StringBuilder();
            field(text, templateId);
            field(text, name);
            for (Competency c : competencies == null ? List.<Competency>of() : competencies) {
                field(text, "competency");
                field(text, c.key());
                field(text, c.name());
                for (Item i : c.items() == null ? List.<Item>of() : c.items()) {
                    field(text, i.id());
                    field(text, i.text());
                    field(text, String.valueOf(i.reverse()));
                }
            }
            for (OpenQuestion q : openQuestions == null ? List.<OpenQuestion>of() : openQuestions) {
                field(text, "question");
                field(text, q.id());
                field(text, q.text());
            }
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        // length-prefixed, so that no two different questionnaires give the same text
        private static void field(StringBuilder text, String value) {
            String v = value == null ? "\u0000" : value;
            text.append(v.length()).append(':').append(v);
        }
    }

    public record Competency(String key, String name, List<Item> items) {}

    public record Item(String id, String text, boolean reverse) {}

    public record OpenQuestion(String id, String text) {}
}
