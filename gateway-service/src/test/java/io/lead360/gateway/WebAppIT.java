package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The web application the gateway serves: its files without a token, its Content-Security-Policy, the chart library from its webjar. */
class WebAppIT extends AbstractIT {

    @Test
    void theWebApplicationIsServedAtTheRootWithoutATokenAndWithAStrictContentSecurityPolicy() {
        String html = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        csp -> assertThat(csp)
                                .contains("script-src 'self'")
                                .doesNotContain("unsafe-inline")
                                .doesNotContain("unsafe-eval"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("<script type=\"module\" src=\"/js/app.js\">")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=");
        for (String asset : List.of("/js/app.js", "/js/api.js", "/css/app.css")) {
            client.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theChartLibraryIsServedFromItsWebjarWithoutAVersionInThePath() {
        client.get()
                .uri("/webjars/chart.js/dist/chart.umd.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(js -> assertThat(js).contains("Chart"));
    }
}
