package io.lead360.e2e;

import java.util.Set;
import java.util.TreeSet;

/** The Prometheus text exposition format, as far as the tests need it. */
final class PrometheusText {

    private PrometheusText() {}

    /** The names of the samples in a scrape ({@code name{labels} value} or {@code name value} lines). */
    static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
