package io.lead360.analytics.report;

import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import io.lead360.analytics.profile.LeadershipProfile.GroupScore;
import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.events.Relationship;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The profile as a multi-page PDF: cover, summary with the leading-vs-managing index, a bar chart
 * of the competencies (self, manager, others), blind spots and hidden strengths, highest and
 * lowest items, comments and the trend. It renders a {@link LeadershipProfile} and nothing else,
 * so it shows exactly what the anonymity policy let into the profile. All text is real text
 * (extractable); user text is written as text, never interpreted.
 */
public final class ProfileReport {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float BODY = 11;
    private static final float HEADING = 16;
    private static final float TITLE = 26;
    private static final float LEADING = 1.45f;
    private static final float SCALE_MAX = 5;
    private static final Color SELF_COLOUR = new Color(0x9E, 0x9E, 0x9E);
    private static final Color MANAGER_COLOUR = new Color(0x3F, 0x6E, 0xB5);
    private static final Color OTHERS_COLOUR = new Color(0xE0, 0x8A, 0x1E);

    private ProfileReport() {}

    public static byte[] render(LeadershipProfile profile) {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("lead360 profile " + profile.subjectId() + " " + profile.cycleId());
            info.setCreator("lead360 analytics-service");
            var writer = new Writer(document);
            cover(writer, profile);
            summary(writer, profile);
            chart(writer, profile);
            gapsAndItems(writer, profile);
            comments(writer, profile);
            trend(writer, profile);
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the report", e);
        }
    }

    private static void cover(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.skip(180);
        w.line("Leadership 360 report", w.bold, TITLE);
        w.skip(20);
        w.line("Subject: " + p.subjectId(), w.regular, HEADING);
        w.line("Cycle: " + (p.cycleName() == null ? p.cycleId() : p.cycleName()), w.regular, HEADING);
        w.skip(20);
        w.paragraph("Scores are means on the 1-5 scale after reverse scoring. Anonymous groups are shown only "
                + "with at least " + p.anonymityThreshold() + " responses; comments are in alphabetical order, "
                + "without names or dates.");
    }

    private static void summary(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Summary", w.bold, HEADING);
        w.line(
                "Leading-vs-managing index: " + (p.leadingIndex() == null ? "not shown" : p.leadingIndex() + " / 100"),
                w.bold,
                BODY + 2);
        w.skip(6);
        w.line(
                "Responses: "
                        + p.responses().entrySet().stream()
                                .map(e -> e.getKey().name() + " " + (e.getValue() == null ? "not shown" : e.getValue()))
                                .collect(Collectors.joining(", ")),
                w.regular,
                BODY);
        for (Map.Entry<Relationship, Integer> nominated :
                p.nominatedByAdministrator().entrySet()) {
            if (nominated.getValue() > 0) {
                w.line(
                        nominated.getValue() + " of the invited "
                                + nominated.getKey().name() + " raters were nominated by an administrator",
                        w.regular,
                        BODY);
            }
        }
        w.skip(10);
        w.line(
                String.format(Locale.ROOT, "%-16s %8s %8s %8s %8s", "Competency", "Self", "Manager", "Others", "Gap"),
                w.mono,
                BODY);
        for (CompetencyScore c : p.competencies()) {
            GroupScore manager = c.byRelationship().get(Relationship.MANAGER);
            w.line(
                    String.format(
                            Locale.ROOT,
                            "%-16s %8s %8s %8s %8s",
                            c.key(),
                            number(c.self()),
                            number(manager == null ? null : manager.mean()),
                            number(c.others()),
                            number(p.gaps().get(c.key()))),
                    w.mono,
                    BODY);
        }
    }

    /** Horizontal bars per competency on a 0-5 axis: self, manager and others. */
    private static void chart(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Competencies: self, manager, others", w.bold, HEADING);
        legend(w);
        float labelWidth = 110;
        float barHeight = 9;
        float chartWidth = PAGE.getWidth() - 2 * MARGIN - labelWidth - 40;
        for (CompetencyScore c : p.competencies()) {
            w.ensureRoom(4 * barHeight + 18);
            float top = w.y;
            w.text(c.key(), w.regular, BODY, MARGIN, top - barHeight);
            GroupScore manager = c.byRelationship().get(Relationship.MANAGER);
            Double[] values = {c.self(), manager == null ? null : manager.mean(), c.others()};
            Color[] colours = {SELF_COLOUR, MANAGER_COLOUR, OTHERS_COLOUR};
            for (int i = 0; i < values.length; i++) {
                float y = top - (i + 1) * (barHeight + 2);
                if (values[i] != null) {
                    w.bar(MARGIN + labelWidth, y, (float) (chartWidth * values[i] / SCALE_MAX), barHeight, colours[i]);
                    w.text(
                            number(values[i]),
                            w.regular,
                            BODY - 3,
                            MARGIN + labelWidth + (float) (chartWidth * values[i] / SCALE_MAX) + 4,
                            y + 1);
                } else {
                    w.text("not shown", w.regular, BODY - 3, MARGIN + labelWidth + 2, y + 1);
                }
            }
            w.y = top - 3 * (barHeight + 2) - 14;
        }
        // the axis
        w.ensureRoom(20);
        for (int tick = 0; tick <= SCALE_MAX; tick++) {
            w.text(
                    Integer.toString(tick),
                    w.regular,
                    BODY - 2,
                    MARGIN + labelWidth + chartWidth * tick / SCALE_MAX - 2,
                    w.y);
        }
        w.y -= BODY * LEADING;
    }

    private static void legend(Writer w) throws IOException {
        float x = MARGIN;
        String[] names = {"Self", "Manager", "Others"};
        Color[] colours = {SELF_COLOUR, MANAGER_COLOUR, OTHERS_COLOUR};
        for (int i = 0; i < names.length; i++) {
            w.bar(x, w.y - 9, 10, 8, colours[i]);
            w.text(names[i], w.regular, BODY - 1, x + 14, w.y - 8);
            x += 90;
        }
        w.y -= 26;
    }

    private static void gapsAndItems(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Blind spots and hidden strengths", w.bold, HEADING);
        w.paragraph("Blind spots (self rates at least 1.0 above others): " + listOrNone(p.blindSpots()));
        w.paragraph("Hidden strengths (others rate at least 1.0 above self): " + listOrNone(p.hiddenStrengths()));
        w.skip(12);
        Map<String, ItemScore> items =
                p.items().stream().collect(Collectors.toMap(ItemScore::id, Function.identity(), (a, b) -> a));
        w.line("Highest rated items", w.bold, HEADING);
        itemLines(w, p.highestItems(), items);
        w.skip(8);
        w.line("Lowest rated items", w.bold, HEADING);
        itemLines(w, p.lowestItems(), items);
    }

    private static void itemLines(Writer w, List<String> ids, Map<String, ItemScore> items) throws IOException {
        if (ids.isEmpty()) {
            w.paragraph("None shown.");
        }
        for (String id : ids) {
            ItemScore item = items.get(id);
            String text = item == null || item.text() == null ? id : item.text() + " (" + id + ")";
            w.paragraph(number(item == null ? null : item.mean()) + " " + text);
        }
    }

    private static void comments(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Comments", w.bold, HEADING);
        for (Map.Entry<String, List<String>> question : p.comments().entrySet()) {
            w.skip(6);
            w.line(
                    question.getKey().substring(0, 1).toUpperCase(Locale.ROOT)
                            + question.getKey().substring(1),
                    w.bold,
                    BODY + 2);
            if (question.getValue().isEmpty()) {
                w.paragraph("No comments shown.");
            }
            for (String comment : question.getValue()) {
                w.paragraph("- " + comment);
            }
        }
    }

    private static void trend(Writer w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Trend across released cycles", w.bold, HEADING);
        if (p.trend().isEmpty()) {
            w.paragraph("No released cycles yet.");
        }
        for (LeadershipProfile.TrendPoint point : p.trend()) {
            w.skip(4);
            w.line(
                    (point.cycleName() == null ? point.cycleId() : point.cycleName()) + ": index "
                            + (point.leadingIndex() == null ? "not shown" : point.leadingIndex()),
                    w.bold,
                    BODY);
            w.paragraph(point.others().entrySet().stream()
                    .map(e -> e.getKey() + " " + number(e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String listOrNone(List<String> keys) {
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Page handling: a cursor that opens a new page when the current one is full. */
    private static final class Writer {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
        private final PDDocument document;
        private PDPageContentStream content;
        float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void newPage() throws IOException {
            close();
            var page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void ensureRoom(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void skip(float height) {
            y -= height;
        }

        void line(String text, PDType1Font font, float size) throws IOException {
            ensureRoom(size * LEADING);
            y -= size * LEADING;
            text(text, font, size, MARGIN, y);
        }

        void paragraph(String text) throws IOException {
            for (String line : wrap(printable(text, regular), regular, BODY, PAGE.getWidth() - 2 * MARGIN)) {
                line(line, regular, BODY);
            }
        }

        void text(String text, PDType1Font font, float size, float x, float atY) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(printable(text, font));
            content.endText();
        }

        void bar(float x, float atY, float width, float height, Color colour) throws IOException {
            content.setNonStrokingColor(colour);
            content.addRect(x, atY, Math.max(width, 0.5f), height);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        /** Replaces what the standard font cannot encode (control characters, most non-Latin text). */
        static String printable(String text, PDType1Font font) throws IOException {
            var out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
                out.append(encodable(ch, font) ? ch : "?");
            });
            return out.toString();
        }

        private static boolean encodable(String ch, PDType1Font font) {
            try {
                font.encode(ch);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            var lines = new ArrayList<String>();
            var line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
            // A single word wider than the page (no spaces) is cut into pieces.
            var fitted = new ArrayList<String>();
            for (String l : lines) {
                String rest = l;
                while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    fitted.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                fitted.add(rest);
            }
            return fitted;
        }
    }
}
