package io.lead360.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.ProfileCalculator;
import io.lead360.analytics.profile.SubjectInCycle;
import io.lead360.analytics.profile.WorkedExample;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregate.GroupTally;
import io.lead360.events.Relationship;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ProfileReportTest {

    @Test
    void reportShowsTheProfilesNumbersAsExtractableTextOnSeveralPages() throws IOException {
        LeadershipProfile profile = workedExample()
                .withTrend(List.of(new LeadershipProfile.TrendPoint(
                        "c0",
                        "Autumn 2025",
                        Instant.parse("2025-11-01T00:00:00Z"),
                        61,
                        Map.of("TRUST", 3.2, "VISION", 4.1))));

        byte[] pdf = ProfileReport.render(profile);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(5);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Leadership 360 report",
                            "Spring 2026",
                            "Leading-vs-managing index: 75 / 100",
                            "Competencies: self, manager, others",
                            "4.67",
                            "3.64",
                            "4.57",
                            "3.67",
                            "1.03",
                            "-2.57",
                            "Blind spots (self rates at least 1.0 above others): TRUST",
                            "Hidden strengths (others rate at least 1.0 above self): VISION",
                            "4.67 v2",
                            "4.50 v1",
                            "A idea",
                            "keep it up",
                            "manager stop",
                            "Autumn 2025: index 61",
                            "TRUST 3.20");
        }
    }

    @Test
    void groupsSayHowManyOfTheirRatersAnAdministratorNominatedAndSmallGroupsNoCount() throws IOException {
        var groups = new EnumMap<Relationship, GroupTally>(Relationship.class);
        groups.put(Relationship.DIRECT_REPORT, new GroupTally(3, Map.of(), Map.of()));
        groups.put(Relationship.OTHER, new GroupTally(3, Map.of(), Map.of()));
        var subject = new SubjectInCycle(
                "c1",
                "Spring 2026",
                "lea",
                3,
                WorkedExample.subject().questionnaire(),
                new Cycle.Invitations(
                        Map.of(Relationship.PEER, 2, Relationship.DIRECT_REPORT, 3, Relationship.OTHER, 4),
                        Map.of(Relationship.PEER, 1, Relationship.OTHER, 2)),
                Map.of(Relationship.PEER, 2, Relationship.DIRECT_REPORT, 3, Relationship.OTHER, 3));

        String text = text(ProfileReport.render(ProfileCalculator.calculate(subject, new ProfileAggregate(groups))));

        assertThat(text)
                .contains(
                        "Responses: PEER not shown, DIRECT_REPORT 3, OTHER 3",
                        "2 of the invited OTHER raters were nominated by an administrator");
        assertThat(text).doesNotContain("PEER raters", "DIRECT_REPORT raters");
    }

    @Test
    void commentsOfHiddenGroupsAreAbsentAndMarkupIsPlainText() throws IOException {
        String text = text(ProfileReport.render(workedExample()));

        assertThat(text).doesNotContain("peer secret");
        assertThat(text).contains("<script>alert('x')</script>");
    }

    @Test
    void textTheStandardFontCannotShowDoesNotBreakTheReport() throws IOException {
        var groups = new EnumMap<Relationship, GroupTally>(Relationship.class);
        groups.put(
                Relationship.MANAGER,
                new GroupTally(
                        1,
                        Map.of(),
                        Map.of(
                                "start",
                                List.of("line one\nline two\ttab \u0000 \uD83D\uDE00 \u4F60\u597D "
                                        + "x".repeat(400)))));
        LeadershipProfile profile = ProfileCalculator.calculate(WorkedExample.subject(), new ProfileAggregate(groups));

        String text = text(ProfileReport.render(profile));

        assertThat(text).contains("line one line two tab");
    }

    private static LeadershipProfile workedExample() {
        ProfileAggregate example = WorkedExample.aggregate();
        var groups = new EnumMap<>(example.groups());
        GroupTally reports = groups.get(Relationship.DIRECT_REPORT);
        groups.put(
                Relationship.DIRECT_REPORT,
                new GroupTally(
                        reports.responses(),
                        reports.items(),
                        Map.of(
                                "start",
                                List.of("b idea", "A idea", "<script>alert('x')</script>"),
                                "continue",
                                List.of("keep it up"))));
        return ProfileCalculator.calculate(WorkedExample.subject(), new ProfileAggregate(groups));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
