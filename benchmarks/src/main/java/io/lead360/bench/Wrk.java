package io.lead360.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package; {@code ./lead360 bench} installs it where it can) for the closed-loop GET
 * pairs: a load tool written in C costs the shared cores far less per call than a JVM client, so the
 * direct-vs-gateway ratio measures the gateway, not the client. Without wrk on the PATH the JVM driver
 * ({@link Load}) runs instead, and the table says which one measured.
 */
final class Wrk {

    static final boolean AVAILABLE = onPath();

    private Wrk() {}

    private static boolean onPath() {
        try {
            return new ProcessBuilder("wrk", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code connections} keep-alive connections on two threads for {@code seconds}, every call a GET with the token. */
    static Load.Result get(String url, String token, int connections, double seconds) {
        List<String> command = List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s",
                "--latency",
                "-H",
                "Authorization: Bearer " + token,
                url);
        String out;
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk did not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        long calls = (long) number(out, "(\\d+) requests in");
        double took = number(out, "requests in ([0-9.]+)s");
        long failed = out.contains("Non-2xx") ? (long) number(out, "Non-2xx or 3xx responses: (\\d+)") : 0;
        failed += out.contains("Socket errors") ? socketErrors(out) : 0;
        return new Load.Result((int) (calls - failed), (int) failed, took, millis(out, "50%"), millis(out, "99%"));
    }

    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (!m.find()) return 0;
        long sum = 0;
        for (int g = 1; g <= 4; g++) sum += Long.parseLong(m.group(g));
        return sum;
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) throw new IllegalStateException("unexpected wrk output:\n" + out);
        return Double.parseDouble(m.group(1));
    }

    /** A latency percentile line such as {@code 99%   12.34ms} (us, ms or s). */
    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$")
                .matcher(out);
        if (!m.find()) throw new IllegalStateException("no " + percentile + " latency in wrk output:\n" + out);
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
