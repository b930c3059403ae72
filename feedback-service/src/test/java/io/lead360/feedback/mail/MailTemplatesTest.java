package io.lead360.feedback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates("en");

    private static Map<String, Object> model() {
        return Map.of(
                "name",
                "Lea <script>",
                "cycle",
                "Spring & Summer",
                "closesAt",
                "1 May 2027",
                "requests",
                List.of(Map.of("subject", "Mo", "relationship", "as a peer", "link", "http://x/#/feedback/1")),
                "passwordLink",
                "http://x/#/set-password?token=t",
                "passwordUntil",
                "8 May 2027",
                "unsubscribeLink",
                "http://x/#/unsubscribe?token=u",
                "profileLink",
                "http://x/#/profile",
                "link",
                "http://x/#/set-password?token=t",
                "hours",
                24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invitation", "reminder", "results-ready", "password-reset"})
    void everyTemplateRendersCompletelyInEveryLanguage(String name) {
        for (String language : MailTemplates.LANGUAGES) {
            RenderedMail mail =
                    templates.render(name, templates.localeFor(language), model(), new Object[] {"Spring"}, Map.of());
            for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
                assertThat(part)
                        .as(name + " in " + language)
                        .doesNotContain("[(", "#{", "${", "??")
                        .doesNotContain("''");
            }
            assertThat(mail.text()).contains("Lea <script>");
            // in HTML a name is text, never markup
            assertThat(mail.html())
                    .contains("Lea &lt;script&gt;")
                    .doesNotContain("<script>")
                    .contains("lang=\"" + language + "\"");
        }
    }

    @Test
    void anUnknownLanguageGetsTheDefault() {
        assertThat(templates.localeFor("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(templates.localeFor(null)).isEqualTo(Locale.ENGLISH);
        assertThat(templates.localeFor("de")).isEqualTo(Locale.GERMAN);
        assertThat(templates
                        .render("invitation", Locale.GERMAN, model(), new Object[] {"Q2"}, Map.of())
                        .subject())
                .isEqualTo("Ihr Feedback ist gefragt: Q2");
    }

    @Test
    void theInvitationListsEachRequestWithItsLinkAndTheSetPasswordLinkOnlyWhenGiven() {
        RenderedMail with = templates.render("invitation", Locale.ENGLISH, model(), new Object[] {"Q2"}, Map.of());
        assertThat(with.text())
                .contains(
                        "- Mo, as a peer: http://x/#/feedback/1",
                        "http://x/#/set-password?token=t",
                        "until 8 May 2027",
                        "The cycle closes on 1 May 2027.");
        assertThat(with.html()).contains("href=\"http://x/#/feedback/1\"", "href=\"http://x/#/set-password?token=t\"");
        Map<String, Object> noPassword = new java.util.HashMap<>(model());
        noPassword.remove("passwordLink");
        noPassword.remove("closesAt");
        RenderedMail without =
                templates.render("invitation", Locale.ENGLISH, noPassword, new Object[] {"Q2"}, Map.of());
        assertThat(without.text()).doesNotContain("set-password").contains("no closing date");
        assertThat(without.html()).doesNotContain("set-password");
    }
}
