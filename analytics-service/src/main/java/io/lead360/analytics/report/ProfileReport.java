package io.lead360.analytics.report;

import static io.lead360.analytics.report.PdfPages.BODY;
import static io.lead360.analytics.report.PdfPages.LEADING;
import static io.lead360.analytics.report.PdfPages.MARGIN;
import static io.lead360.analytics.report.PdfPages.TEXT_WIDTH;

import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.LeadershipProfile.CompetencyScore;
import io.lead360.analytics.profile.LeadershipProfile.GroupScore;
import io.lead360.analytics.profile.LeadershipProfile.ItemScore;
import io.lead360.events.RatingScale;
import io.lead360.events.Relationship;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The profile as a multi-page PDF: cover, summary with the leading-vs-managing index, a bar chart
 * of the competencies (self, manager, others), blind spots and hidden strengths, highest and
 * lowest items, comments and the trend. It renders a {@link LeadershipProfile} and nothing else,
 * so it shows exactly what the anonymity policy let into the profile. All text is real text
 * (extractable); user text is written as text, never interpreted. The pages themselves (cursor, fonts,
 * wrapping) are {@link PdfPages}; the layout's sizes and distances are the named constants below.
 */
public final class ProfileReport {

    private static final float HEADING = 16;
    private static final float TITLE = 26;
    /** Bold lines within a page (the index, a comment question). */
    private static final float SUBHEADING = BODY + 2;

    private static final float BAR_LABEL = BODY - 3;
    private static final float AXIS_LABEL = BODY - 2;
    private static final float LEGEND_LABEL = BODY - 1;
    private static final Color SELF_COLOUR = new Color(0x9E, 0x9E, 0x9E);
    private static final Color MANAGER_COLOUR = new Color(0x3F, 0x6E, 0xB5);
    private static final Color OTHERS_COLOUR = new Color(0xE0, 0x8A, 0x1E);

    // Vertical space, in points.
    private static final float COVER_TOP = 180;
    private static final float COVER_GAP = 20;
    private static final float SMALL_GAP = 6;
    private static final float BEFORE_TABLE = 10;
    private static final float BETWEEN_SECTIONS = 12;
    private static final float BETWEEN_LISTS = 8;
    private static final float BETWEEN_TREND_POINTS = 4;

    /** The summary's table: competency, then self, manager, others and gap, right-aligned. */
    private static final String TABLE_ROW = "%-16s %8s %8s %8s %8s";

    // The bar chart: per competency its name, then a bar each for self, manager and others.
    private static final float CHART_LABEL_WIDTH = 110;
    /** Room right of a full-length bar for its value. */
    private static final float CHART_VALUE_ROOM = 40;

    private static final float CHART_WIDTH = TEXT_WIDTH - CHART_LABEL_WIDTH - CHART_VALUE_ROOM;
    private static final float BAR_HEIGHT = 9;
    private static final float BAR_GAP = 2;
    /** Lifts a bar's value label off the bar's bottom edge. */
    private static final float BAR_LABEL_RAISE = 1;

    private static final float VALUE_LABEL_GAP = 4;
    private static final float NOT_SHOWN_INDENT = 2;
    /** A competency's three bars and its name stay on one page. */
    private static final float COMPETENCY_ROOM = 4 * BAR_HEIGHT + 18;

    private static final float AFTER_COMPETENCY = 14;
    private static final float AXIS_ROOM = 20;
    /** Centres a tick's digit under its position. */
    private static final float TICK_LABEL_SHIFT = 2;

    // The legend: a colour swatch and a name each, side by side.
    private static final float SWATCH_WIDTH = 10;
    private static final float SWATCH_HEIGHT = 8;
    private static final float SWATCH_DROP = 9;
    private static final float LEGEND_LABEL_OFFSET = 14;
    private static final float LEGEND_LABEL_DROP = 8;
    private static final float LEGEND_STEP = 90;
    private static final float LEGEND_HEIGHT = 26;

    private ProfileReport() {}

    public static byte[] render(LeadershipProfile profile) {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("lead360 profile " + profile.subjectId() + " " + profile.cycleId());
            info.setCreator("lead360 analytics-service");
            var writer = new PdfPages(document);
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

    private static void cover(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.skip(COVER_TOP);
        w.line("Leadership 360 report", w.bold, TITLE);
        w.skip(COVER_GAP);
        w.line("Subject: " + p.subjectId(), w.regular, HEADING);
        w.line("Cycle: " + (p.cycleName() == null ? p.cycleId() : p.cycleName()), w.regular, HEADING);
        w.skip(COVER_GAP);
        w.paragraph("Scores are means on the " + RatingScale.LOWEST + "-" + RatingScale.HIGHEST
                + " scale after reverse scoring. Anonymous groups are shown only "
                + "with at least " + p.anonymityThreshold() + " responses; comments are in alphabetical order, "
                + "without names or dates.");
    }

    private static void summary(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Summary", w.bold, HEADING);
        w.line(
                "Leading-vs-managing index: " + (p.leadingIndex() == null ? "not shown" : p.leadingIndex() + " / 100"),
                w.bold,
                SUBHEADING);
        w.skip(SMALL_GAP);
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
        w.skip(BEFORE_TABLE);
        w.line(String.format(Locale.ROOT, TABLE_ROW, "Competency", "Self", "Manager", "Others", "Gap"), w.mono, BODY);
        for (CompetencyScore c : p.competencies()) {
            GroupScore manager = c.byRelationship().get(Relationship.MANAGER);
            w.line(
                    String.format(
                            Locale.ROOT,
                            TABLE_ROW,
                            c.key(),
                            number(c.self()),
                            number(manager == null ? null : manager.mean()),
                            number(c.others()),
                            number(p.gaps().get(c.key()))),
                    w.mono,
                    BODY);
        }
    }

    /** Horizontal bars per competency on an axis from 0 to the scale's highest score: self, manager and others. */
    private static void chart(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Competencies: self, manager, others", w.bold, HEADING);
        legend(w);
        for (CompetencyScore c : p.competencies()) {
            w.ensureRoom(COMPETENCY_ROOM);
            float top = w.y;
            w.text(c.key(), w.regular, BODY, MARGIN, top - BAR_HEIGHT);
            GroupScore manager = c.byRelationship().get(Relationship.MANAGER);
            Double[] values = {c.self(), manager == null ? null : manager.mean(), c.others()};
            Color[] colours = {SELF_COLOUR, MANAGER_COLOUR, OTHERS_COLOUR};
            for (int i = 0; i < values.length; i++) {
                float y = top - (i + 1) * (BAR_HEIGHT + BAR_GAP);
                if (values[i] != null) {
                    float length = (float) (CHART_WIDTH * values[i] / RatingScale.HIGHEST);
                    w.bar(MARGIN + CHART_LABEL_WIDTH, y, length, BAR_HEIGHT, colours[i]);
                    w.text(
                            number(values[i]),
                            w.regular,
                            BAR_LABEL,
                            MARGIN + CHART_LABEL_WIDTH + length + VALUE_LABEL_GAP,
                            y + BAR_LABEL_RAISE);
                } else {
                    w.text(
                            "not shown",
                            w.regular,
                            BAR_LABEL,
                            MARGIN + CHART_LABEL_WIDTH + NOT_SHOWN_INDENT,
                            y + BAR_LABEL_RAISE);
                }
            }
            w.y = top - colours.length * (BAR_HEIGHT + BAR_GAP) - AFTER_COMPETENCY;
        }
        // the axis
        w.ensureRoom(AXIS_ROOM);
        for (int tick = 0; tick <= RatingScale.HIGHEST; tick++) {
            w.text(
                    Integer.toString(tick),
                    w.regular,
                    AXIS_LABEL,
                    MARGIN + CHART_LABEL_WIDTH + CHART_WIDTH * tick / RatingScale.HIGHEST - TICK_LABEL_SHIFT,
                    w.y);
        }
        w.y -= BODY * LEADING;
    }

    private static void legend(PdfPages w) throws IOException {
        float x = MARGIN;
        String[] names = {"Self", "Manager", "Others"};
        Color[] colours = {SELF_COLOUR, MANAGER_COLOUR, OTHERS_COLOUR};
        for (int i = 0; i < names.length; i++) {
            w.bar(x, w.y - SWATCH_DROP, SWATCH_WIDTH, SWATCH_HEIGHT, colours[i]);
            w.text(names[i], w.regular, LEGEND_LABEL, x + LEGEND_LABEL_OFFSET, w.y - LEGEND_LABEL_DROP);
            x += LEGEND_STEP;
        }
        w.y -= LEGEND_HEIGHT;
    }

    private static void gapsAndItems(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Blind spots and hidden strengths", w.bold, HEADING);
        w.paragraph("Blind spots (self rates at least 1.0 above others): " + listOrNone(p.blindSpots()));
        w.paragraph("Hidden strengths (others rate at least 1.0 above self): " + listOrNone(p.hiddenStrengths()));
        w.skip(BETWEEN_SECTIONS);
        Map<String, ItemScore> items =
                p.items().stream().collect(Collectors.toMap(ItemScore::id, Function.identity(), (a, b) -> a));
        w.line("Highest rated items", w.bold, HEADING);
        itemLines(w, p.highestItems(), items);
        w.skip(BETWEEN_LISTS);
        w.line("Lowest rated items", w.bold, HEADING);
        itemLines(w, p.lowestItems(), items);
    }

    private static void itemLines(PdfPages w, List<String> ids, Map<String, ItemScore> items) throws IOException {
        if (ids.isEmpty()) {
            w.paragraph("None shown.");
        }
        for (String id : ids) {
            ItemScore item = items.get(id);
            String text = item == null || item.text() == null ? id : item.text() + " (" + id + ")";
            w.paragraph(number(item == null ? null : item.mean()) + " " + text);
        }
    }

    private static void comments(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Comments", w.bold, HEADING);
        for (Map.Entry<String, List<String>> question : p.comments().entrySet()) {
            w.skip(SMALL_GAP);
            w.line(
                    question.getKey().substring(0, 1).toUpperCase(Locale.ROOT)
                            + question.getKey().substring(1),
                    w.bold,
                    SUBHEADING);
            if (question.getValue().isEmpty()) {
                w.paragraph("No comments shown.");
            }
            for (String comment : question.getValue()) {
                w.paragraph("- " + comment);
            }
        }
    }

    private static void trend(PdfPages w, LeadershipProfile p) throws IOException {
        w.newPage();
        w.line("Trend across released cycles", w.bold, HEADING);
        if (p.trend().isEmpty()) {
            w.paragraph("No released cycles yet.");
        }
        for (LeadershipProfile.TrendPoint point : p.trend()) {
            w.skip(BETWEEN_TREND_POINTS);
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
}
