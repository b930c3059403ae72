package io.lead360.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15's benchmark against a running stack (./lead360 bench starts one): builds its own organisation
 * through the public API as the bootstrap administrator, measures each path direct vs through the gateway,
 * the close-to-releasable time, a rebuild next to a bare Kafka consumer, profile reads and imports, and
 * prints one table. Sizes from BENCH_SCALE (small, default) and BENCH_* variables.
 */
public final class Bench {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final String PASSWORD = "bench-pass-1";

    final Map<String, String> env = System.getenv();
    final boolean small = !"full".equals(env.getOrDefault("BENCH_SCALE", "small"));
    final int leaders = num("BENCH_LEADERS", small ? 12 : 60);
    final int reports = num("BENCH_REPORTS", small ? 8 : 10);
    final double seconds = num("BENCH_SECONDS", small ? 8 : 20);
    final int threads = num("BENCH_THREADS", 16);
    /** Closed-loop calls before each pair is measured: on two cores the JIT needs tens of seconds of load. */
    final double warmUp = num("BENCH_WARMUP_SECONDS", small ? 20 : 30);

    final int importN = num("BENCH_IMPORT", small ? 2000 : 10000);
    final int importPw = num("BENCH_IMPORT_PASSWORDS", small ? 40 : 200);
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    final Api gateway = new Api("http://127.0.0.1:" + env.getOrDefault("LEAD360_GATEWAY_PORT", "8080"));
    final Api feedback = new Api("http://127.0.0.1:" + env.getOrDefault("LEAD360_FEEDBACK_PORT", "8081"));
    final Api analytics = new Api("http://127.0.0.1:" + env.getOrDefault("LEAD360_ANALYTICS_PORT", "8082"));
    final Api analyticsMgmt =
            new Api("http://127.0.0.1:" + env.getOrDefault("LEAD360_ANALYTICS_MANAGEMENT_PORT", "8092"));
    final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new Bench().run();
    }

    int num(String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String s) {
        System.err.println("bench: " + s);
    }

    void row(String what, String figure, String target, Boolean met) {
        rows.add(new String[] {what, figure, target, met == null ? "info" : met ? "yes" : "NO"});
    }

    static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
    }

    void run() throws Exception {
        String home = env.getOrDefault("LEAD360_HOME", "var");
        String adminPw = Files.readString(Path.of(home, "keys", "bootstrap-admin-password"))
                .trim();
        String admin =
                gateway.signIn(env.getOrDefault("LEAD360_BOOTSTRAP_ADMIN_EMAIL", "admin@lead360.local"), adminPw);

        // the organisation: leaders under one head, each with direct reports; everyone with a password
        say("importing " + (1 + leaders * (reports + 1)) + " people with passwords");
        ArrayNode people = Api.JSON.createArrayNode();
        String head = "head-" + run + "@bench.test";
        people.add(person(head, null));
        List<String> raters = new ArrayList<>();
        List<String> leaderEmails = new ArrayList<>();
        for (int l = 0; l < leaders; l++) {
            String leader = "l" + l + "-" + run + "@bench.test";
            leaderEmails.add(leader);
            people.add(person(leader, head));
            for (int r = 0; r < reports; r++) {
                String rater = "r" + l + "-" + r + "-" + run + "@bench.test";
                people.add(person(rater, leader));
                raters.add(rater);
            }
        }
        long t0 = System.nanoTime();
        importPeople(admin, people);
        double importOrgSec = (System.nanoTime() - t0) / 1e9;
        row(
                "import " + people.size() + " people with passwords",
                f(people.size() / importOrgSec) + " people/s (" + f(importOrgSec) + " s)",
                "rate reported",
                null);

        JsonNode template =
                gateway.get("/api/templates/leadership-360", admin).expect(200).json();
        ObjectNode response = Api.JSON.createObjectNode();
        ObjectNode ratings = response.putObject("ratings");
        for (JsonNode c : template.get("competencies")) {
            for (JsonNode item : c.get("items")) ratings.put(item.get("id").asString(), 4);
        }
        response.putObject("comments")
                .put("start", "more of it")
                .put("stop", "less")
                .put("continue", "yes");
        String body = Api.JSON.writeValueAsString(response);

        // GET /api/me, direct vs gateway, same token
        String raterToken = gateway.signIn(raters.get(0), PASSWORD);
        pair("GET /api/me", feedback, gateway, "/api/me", raterToken);

        // a cycle on the built-in template with every leader, opened
        say("creating and opening a cycle for " + leaders + " leaders");
        String cycle = openCycle(admin, "bench " + run);
        List<String[]> requests = requestsOf(raters); // [token, requestId]
        say(requests.size() + " feedback requests");

        double applied0 = applied();
        // submissions: half direct, half through the gateway, warm-up first
        int half = requests.size() / 2;
        int warm = Math.min(50, half / 5);
        Load.run(4, 30, warm, 0, i -> submit(feedback, requests.get(i), body));
        Load.run(4, 30, warm, 0, i -> submit(gateway, requests.get(half + i), body));
        Load.Result sd =
                Load.run(threads, seconds, half - warm, 0, i -> submit(feedback, requests.get(warm + i), body));
        Load.Result sg =
                Load.run(threads, seconds, half - warm, 0, i -> submit(gateway, requests.get(half + warm + i), body));
        pairRows("submit a response", sd, sg);
        int submitted = 2 * warm + sd.calls() + sg.calls();

        // close -> releasable: analytics must have applied every counted submission before release answers 200
        long closeAt = System.nanoTime();
        gateway.post("/api/cycles/" + cycle + "/close", admin, null).expect(200);
        Api.Answer release;
        while ((release = gateway.post("/api/cycles/" + cycle + "/release", admin, null)).status() != 200) {
            if (System.nanoTime() - closeAt > Duration.ofMinutes(5).toNanos())
                throw new IllegalStateException(release.body());
            sleep(50);
        }
        double releasable = (System.nanoTime() - closeAt) / 1e9;
        // and every counted submission applied by analytics (lead360.events.applied, its management port)
        while (applied() - applied0 < submitted
                && System.nanoTime() - closeAt < Duration.ofMinutes(5).toNanos()) {
            sleep(20);
        }
        double allApplied = (System.nanoTime() - closeAt) / 1e9;
        row(
                "close -> all " + submitted + " submissions applied (metric)",
                f(allApplied) + " s",
                "<= 2 s",
                allApplied <= 2);
        row("close -> releasable after " + submitted + " submissions", f(releasable) + " s", "<= 2 s", releasable <= 2);
        double sustained = (sd.calls() + sg.calls()) / (sd.seconds() + sg.seconds());
        row("sustained submissions (direct+gateway phases)", f(sustained) + "/s", ">= 3,000/s", sustained >= 3000);
        say("analytics applied " + (applied() - applied0) + " events since the submissions began");

        // profile reads of a released subject, direct vs gateway: the leader reads their own profile
        String leaderToken = gateway.signIn(leaderEmails.get(0), PASSWORD);
        String subject =
                gateway.get("/api/me", leaderToken).expect(200).json().get("id").asString();
        Load.Result pd = pair(
                "GET /api/profiles/{id} (own)",
                analytics,
                gateway,
                "/api/profiles/" + subject + "?cycleId=" + cycle,
                leaderToken);
        row(
                "profile reads direct (" + (submitted / leaders) + " responses per subject)",
                f(pd.rate()) + " req/s",
                ">= 2,000 req/s",
                pd.rate() >= 2000);

        rebuildVersusBareConsumer(admin);
        importWithoutPasswords(admin);
        printTable();
    }

    ObjectNode person(String email, String manager) {
        ObjectNode p =
                Api.JSON.createObjectNode().put("email", email).put("name", email.substring(0, email.indexOf('@')));
        if (manager != null) p.put("managerEmail", manager);
        p.putArray("roles").add("EMPLOYEE");
        p.put("password", PASSWORD);
        return p;
    }

    /** An import answers 200, or 202 with a job at Location to follow until DONE. */
    void importPeople(String admin, ArrayNode people) {
        Api.Answer a = gateway.post("/api/people/import", admin, people).expect(200, 202);
        if (a.status() == 202) {
            String job = a.location();
            while (true) {
                JsonNode j = gateway.get(job, admin).expect(200).json();
                String status = j.path("status").asString("");
                if (status.equals("DONE")) return;
                if (status.equals("FAILED")) throw new IllegalStateException(j.toString());
                sleep(200);
            }
        }
    }

    String openCycle(String admin, String name) {
        ObjectNode c = Api.JSON
                .createObjectNode()
                .put("name", name)
                .put("templateId", "leadership-360")
                .put("allLeaders", true);
        String id = gateway.post("/api/cycles", admin, c)
                .expect(201)
                .json()
                .get("id")
                .asString();
        gateway.post("/api/cycles/" + id + "/open", admin, null).expect(200);
        return id;
    }

    List<String[]> requestsOf(List<String> raters) {
        List<String[]> out = new ArrayList<>();
        for (String r : raters) {
            String token = gateway.signIn(r, PASSWORD);
            for (JsonNode req :
                    gateway.get("/api/feedback-requests", token).expect(200).json()) {
                if ("PENDING".equals(req.get("status").asString()))
                    out.add(new String[] {token, req.get("id").asString()});
            }
        }
        java.util.Collections.shuffle(out, new java.util.Random(15));
        return out;
    }

    boolean submit(Api api, String[] request, String body) {
        return api.postRaw("/api/feedback-requests/" + request[1] + "/response", request[0], "application/json", body)
                        .status()
                == 201;
    }

    /**
     * Warm-up both, then direct and gateway back to back as fast as they answer (wrk where installed, else
     * the JVM driver), then each paced at half the direct saturation rate (the JVM driver).
     */
    Load.Result pair(String what, Api direct, Api via, String path, String token) {
        for (Api a : List.of(direct, via)) closedLoop(a, path, token, warmUp);
        Load.Result d = closedLoop(direct, path, token, seconds);
        Load.Result g = closedLoop(via, path, token, seconds);
        pairRows(what + (Wrk.AVAILABLE ? " (wrk)" : ""), d, g);
        double halfRate = d.rate() / 2;
        Load.Result dh = paced(direct, path, token, halfRate);
        Load.Result gh = paced(via, path, token, halfRate);
        double ratio = gh.p99Ms() / dh.p99Ms();
        row(
                what + " p99 at " + f(halfRate) + "/s",
                "direct " + f(dh.p99Ms()) + " ms, gateway " + f(gh.p99Ms()) + " ms: " + f(ratio) + "x",
                "<= 1.3x",
                ratio <= 1.3);
        return d;
    }

    Load.Result closedLoop(Api api, String path, String token, double forSeconds) {
        return Wrk.AVAILABLE
                ? Wrk.get(api.base + path, token, threads, forSeconds)
                : Load.run(
                        threads,
                        forSeconds,
                        Integer.MAX_VALUE,
                        0,
                        i -> api.get(path, token).status() == 200);
    }

    Load.Result paced(Api api, String path, String token, double perSecond) {
        return Load.run(
                threads,
                seconds,
                Integer.MAX_VALUE,
                perSecond,
                i -> api.get(path, token).status() == 200);
    }

    void pairRows(String what, Load.Result d, Load.Result g) {
        double ratio = g.rate() / d.rate();
        row(
                what + " direct",
                f(d.rate()) + "/s p50 " + f(d.p50Ms()) + " ms p99 " + f(d.p99Ms()) + " ms" + fails(d),
                "",
                null);
        row(
                what + " gateway",
                f(g.rate()) + "/s p50 " + f(g.p50Ms()) + " ms p99 " + f(g.p99Ms()) + " ms" + fails(g) + ": " + f(ratio)
                        + "x",
                ">= 0.85x",
                ratio >= 0.85);
    }

    static String fails(Load.Result r) {
        return r.failures() == 0 ? "" : " (" + r.failures() + " failed)";
    }

    /** lead360.events.applied (all topics) from analytics' Prometheus endpoint on its management port. */
    double applied() {
        Api.Answer a = analyticsMgmt.getText("/actuator/prometheus");
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^lead360_events_applied_total\\{[^}]*} ([0-9.eE+]+)")
                .matcher(a.body());
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum;
    }

    void rebuildVersusBareConsumer(String admin) {
        say("rebuild vs a bare consumer");
        Properties p = new Properties();
        p.put(
                "bootstrap.servers",
                env.getOrDefault(
                        "LEAD360_KAFKA_BOOTSTRAP", "127.0.0.1:" + env.getOrDefault("LEAD360_KAFKA_PORT", "9192")));
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        long records = 0;
        long t0 = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of("lead360.feedback-submitted.v1", "lead360.cycle-events.v1")) {
                c.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long want = 0;
            for (TopicPartition tp : parts)
                want += end.get(tp) - c.beginningOffsets(List.of(tp)).get(tp);
            t0 = System.nanoTime();
            while (records < want) {
                ConsumerRecords<byte[], byte[]> got = c.poll(Duration.ofMillis(500));
                records += got.count();
            }
        }
        double bare = records / ((System.nanoTime() - t0) / 1e9);
        long r0 = System.nanoTime();
        JsonNode started = gateway.post("/api/admin/profiles/rebuild", admin, null)
                .expect(202)
                .json();
        String id = started.get("rebuildId").asString();
        JsonNode state;
        while (!(state = gateway.get("/api/admin/profiles/rebuild/" + id, admin)
                        .expect(200)
                        .json())
                .get("status")
                .asString()
                .equals("DONE")) {
            if (state.get("status").asString().equals("FAILED")) throw new IllegalStateException(state.toString());
            sleep(100);
        }
        double rebuildSec = (System.nanoTime() - r0) / 1e9;
        double rebuild = state.get("events").asLong() / rebuildSec;
        row("bare KafkaConsumer, both topics", f(bare) + " events/s (" + records + " records)", "", null);
        row(
                "rebuild of " + state.get("events").asLong() + " events",
                f(rebuild) + " events/s: " + f(rebuild / bare) + "x bare",
                ">= 0.5x",
                rebuild / bare >= 0.5);
    }

    void importWithoutPasswords(String admin) {
        ArrayNode people = Api.JSON.createArrayNode();
        String top = "imp-" + run + "@bench.test";
        people.add(Api.JSON.createObjectNode().put("email", top).put("name", "imp top"));
        for (int i = 1; i < importN; i++) {
            people.add(Api.JSON
                    .createObjectNode()
                    .put("email", "imp" + i + "-" + run + "@bench.test")
                    .put("name", "imp " + i)
                    .put("managerEmail", top));
        }
        long t0 = System.nanoTime();
        importPeople(admin, people);
        double s = (System.nanoTime() - t0) / 1e9;
        double scaled = s * 10_000 / importN;
        row(
                "import " + importN + " people without passwords",
                f(s) + " s (10,000 ~ " + f(scaled) + " s)",
                "10,000 <= 10 s",
                scaled <= 10);
    }

    void printTable() {
        String up = env.get("BENCH_UP_SECONDS");
        if (up != null) row("./lead360 up to healthy", up + " s", "<= 20 s", Double.parseDouble(up) <= 20);
        String rss = env.get("BENCH_RSS_MIB");
        if (rss != null)
            row("RSS of all JVMs", rss + " MiB", "<= ~1,330 MiB (1.3 GiB)", Double.parseDouble(rss) <= 1331);
        int w0 = 10, w1 = 10, w2 = 6;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
            w2 = Math.max(w2, r[2].length());
        }
        String fmt = "| %-" + w0 + "s | %-" + w1 + "s | %-" + w2 + "s | %-4s |%n";
        System.out.printf(
                "%nlead360 benchmark, %d cores, scale %s, %d client threads, %.0f s per phase after %.0f s of warm-up%n%n",
                CORES, small ? "small" : "full", threads, seconds, warmUp);
        System.out.printf(fmt, "what (" + CORES + " cores)", "figure", "target", "met");
        System.out.printf(fmt, "-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "----");
        for (String[] r : rows) System.out.printf(fmt, (Object[]) r);
    }
}
