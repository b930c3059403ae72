package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard queries only metrics the services serve: exactly those listed in
 * {@code dashboard-metrics.txt}, which ObservabilityIT finds in the services' real scrapes. And it
 * works with any Prometheus data source, chosen by its variable.
 */
class GrafanaDashboardTest {

    private final JsonNode dashboard = GrafanaDashboard.read();

    @Test
    void everyMetricTheDashboardQueriesIsOneTheServicesServe() {
        Set<String> queried = new TreeSet<>();
        for (String expression : GrafanaDashboard.expressions(dashboard)) {
            Set<String> names = GrafanaDashboard.metricNames(expression);
            assertThat(names).as("metrics of " + expression).isNotEmpty();
            queried.addAll(names);
        }
        Set<String> served = new TreeSet<>();
        GrafanaDashboard.scrapedMetrics().values().forEach(served::addAll);

        assertThat(served)
                .as("dashboard-metrics.txt lists what the dashboard queries, no more")
                .isEqualTo(queried);
    }

    @Test
    void everyPanelQueriesThePrometheusDataSourceTheVariableChooses() {
        JsonNode variable = null;
        for (JsonNode v : dashboard.at("/templating/list")) {
            if (v.get("name").asString().equals("datasource")) {
                variable = v;
            }
        }
        assertThat(variable).as("a datasource variable").isNotNull();
        assertThat(variable.get("type").asString()).isEqualTo("datasource");
        assertThat(variable.get("query").asString()).isEqualTo("prometheus");
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.at("/datasource/uid").asString())
                    .as(panel.get("title").asString())
                    .isEqualTo("${datasource}");
            assertThat(panel.get("targets"))
                    .as(panel.get("title").asString())
                    .isNotEmpty()
                    .allSatisfy(
                            t -> assertThat(t.at("/datasource/uid").asString()).isEqualTo("${datasource}"));
        }
    }

    @Test
    void metricNamesAreReadOutOfPromQlWithoutFunctionsLabelsOrRanges() {
        assertThat(
                        GrafanaDashboard.metricNames(
                                "histogram_quantile(0.95, sum by (application, le) "
                                        + "(rate(http_server_requests_seconds_bucket{application=~\"$application\", uri!=\"x\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(GrafanaDashboard.metricNames("sum(rate(a_sum[5m])) / sum(rate(a_count[5m])) or vector(0)"))
                .containsExactly("a_count", "a_sum");
    }

    @Test
    void theScrapeParserReadsSampleNames() {
        assertThat(PrometheusText.metricNames("# HELP x_total a\n# TYPE x_total counter\nx_total{a=\"b\"} 1.0\ny 2\n"))
                .containsExactly("x_total", "y");
    }
}
