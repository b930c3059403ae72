package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web application's scripts: text reaches the page only through textContent / text nodes, and
 * tokens (now including the refresh token) never outlive the tab.
 */
class WebAppScriptsTest {

    private static final Path JS = Path.of("src/main/resources/static/js");
    private static final Pattern HTML_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new Function\\s*\\(");

    @Test
    void noScriptParsesTextAsHtmlOrCode() throws IOException {
        for (Path script : scripts()) {
            assertThat(HTML_SINKS.matcher(Files.readString(script)).find())
                    .as(script + " uses an HTML or code sink")
                    .isFalse();
        }
    }

    @Test
    void tokensAreKeptForTheTabOnly() throws IOException {
        for (Path script : scripts()) {
            assertThat(Files.readString(script))
                    .as(script.toString())
                    .doesNotContain("localStorage", "document.cookie");
        }
        String api = Files.readString(JS.resolve("api.js"));
        assertThat(api)
                .contains(
                        "sessionStorage.setItem(REFRESH_KEY",
                        "'/api/auth/refresh'",
                        "'/api/auth/sign-out'",
                        "'/api/auth/sso/token'",
                        "'/api/auth/providers'");
    }

    @Test
    void singleSignOnLinksMayOnlyPointAtTheGatewaysOwnLoginPaths() throws IOException {
        assertThat(Files.readString(JS.resolve("api.js"))).contains("p.loginUrl.startsWith('/oauth2/authorization/')");
    }

    private static List<Path> scripts() throws IOException {
        try (var files = Files.list(JS)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js")).toList();
            assertThat(scripts).isNotEmpty();
            return scripts;
        }
    }
}
