package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.SELF;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Relationship;
import io.lead360.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of the running application × every kind of caller × own or another person's data.
 * The routes come from the handler mappings themselves, so a new endpoint without a rule in
 * {@link #RULES} fails this test, naming it.
 */
class AccessMatrixIT extends AbstractIT {

    /** Who may call a route. */
    enum Rule {
        /** anyone, without a token */
        PUBLIC,
        /** any signed-in person (EMPLOYEE, LEADER, ADMIN); not the gateway's SERVICE token */
        ANY_PERSON,
        /** the person the {subjectId} names, or an ADMIN */
        SUBJECT_OR_ADMIN,
        ADMIN,
        /** not reachable directly by anyone (e.g. the error page) */
        NOBODY
    }

    enum Caller {
        ANONYMOUS,
        EMPLOYEE,
        LEADER,
        ADMIN,
        SERVICE
    }

    /** Whether the {subjectId} of a route is the caller's own id or another person's. */
    enum Subject {
        OWN,
        OTHER
    }

    /** @param query sample query string; {cycleId} is the fixture cycle */
    record Route(Rule rule, String query) {}

    /** "METHOD pattern" → rule. ANY = a mapping without a method condition. */
    static final Map<String, Route> RULES = Map.ofEntries(
            entry("GET /api/profiles/me", new Route(Rule.ANY_PERSON, "")),
            entry("GET /api/profiles/{subjectId}", new Route(Rule.SUBJECT_OR_ADMIN, "cycleId={cycleId}")),
            entry("GET /api/profiles/{subjectId}/report.pdf", new Route(Rule.SUBJECT_OR_ADMIN, "cycleId={cycleId}")),
            entry("GET /api/organisation/heatmap", new Route(Rule.ADMIN, "cycleId={cycleId}")),
            entry("POST /api/admin/profiles/rebuild", new Route(Rule.ADMIN, "")),
            entry("GET /api/admin/profiles/rebuild/{rebuildId}", new Route(Rule.ADMIN, "")),
            entry("GET /api/audit/reports", new Route(Rule.ADMIN, "limit=5")),
            entry("GET /.well-known/jwks.json", new Route(Rule.PUBLIC, "")),
            // liveness and readiness, status only; the rest of actuator is on the management port (ManagementPortIT)
            entry("GET /livez", new Route(Rule.PUBLIC, "")),
            entry("GET /readyz", new Route(Rule.PUBLIC, "")),
            entry("GET /api/docs/analytics", new Route(Rule.PUBLIC, "")),
            entry("GET /api/docs/analytics.yaml", new Route(Rule.PUBLIC, "")),
            entry("ANY /error", new Route(Rule.NOBODY, "")));

    /** Sample values of path variables other than {subjectId}. */
    static final Map<String, String> PATH_SAMPLES = Map.of("rebuildId", "no-such-rebuild");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}]+)}|\\*\\*");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final Map<Caller, String> IDS = new TreeMap<>();
    private static final String OTHER = "matrix-other-" + UUID.randomUUID();
    private static String cycleId;

    @Autowired
    ApplicationContext context;

    /** A released cycle in which every caller and one other person are subjects with data. */
    @BeforeAll
    static void ids() {
        String run = UUID.randomUUID().toString();
        IDS.put(Caller.EMPLOYEE, "matrix-employee-" + run);
        IDS.put(Caller.LEADER, "matrix-leader-" + run);
        IDS.put(Caller.ADMIN, "matrix-admin-" + run);
        IDS.put(Caller.SERVICE, TestTokens.SERVICE_SUBJECT);
        IDS.put(Caller.ANONYMOUS, "matrix-anonymous-" + run);
    }

    @Test
    void everyRouteHasAnAccessRule() {
        var missing = new TreeSet<String>(routes());
        missing.removeAll(RULES.keySet());
        assertThat(missing)
                .as("routes without an access rule: add them to AccessMatrixIT.RULES")
                .isEmpty();

        var stale = new TreeSet<String>(RULES.keySet());
        stale.removeAll(routes());
        assertThat(stale)
                .as("rules for routes that no longer exist: remove them from AccessMatrixIT.RULES")
                .isEmpty();
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsRuleSays() throws Exception {
        releasedCycleWithEverySubject();
        var violations = new ArrayList<String>();
        for (String route : new TreeSet<>(routes())) {
            Route rule = RULES.get(route);
            assertThat(rule).as("no access rule for " + route).isNotNull();
            boolean perSubject = route.contains("{subjectId}");
            for (Caller caller : Caller.values()) {
                for (Subject subject : perSubject ? List.of(Subject.OWN, Subject.OTHER) : List.of(Subject.OWN)) {
                    MockHttpServletResponse response = call(route, rule, caller, subject);
                    int status = response.getStatus();
                    String call =
                            route + " as " + caller + (perSubject ? " on " + subject + " data" : "") + " → " + status;
                    if (allowed(rule.rule(), caller, subject)) {
                        if (status == 401 || status == 403 || status >= 500) {
                            violations.add("should be let through: " + call);
                        }
                    } else if (status != (caller == Caller.ANONYMOUS ? 401 : 403)) {
                        violations.add(
                                "should be refused with " + (caller == Caller.ANONYMOUS ? 401 : 403) + ": " + call);
                    }
                    if (route.equals("POST /api/admin/profiles/rebuild") && status == 202) {
                        awaitRebuildDone(response);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    static boolean allowed(Rule rule, Caller caller, Subject subject) {
        boolean person = caller == Caller.EMPLOYEE || caller == Caller.LEADER || caller == Caller.ADMIN;
        return switch (rule) {
            case PUBLIC -> true;
            case ANY_PERSON -> person;
            case SUBJECT_OR_ADMIN -> caller == Caller.ADMIN || (person && subject == Subject.OWN);
            case ADMIN -> caller == Caller.ADMIN;
            case NOBODY -> false;
        };
    }

    /** "METHOD pattern" of every handler method of every request-mapping handler mapping (controllers and the probes). */
    private List<String> routes() {
        var routes = new ArrayList<String>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern);
                    }
                    for (RequestMethod method : methods) {
                        routes.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return routes;
    }

    private MockHttpServletResponse call(String route, Route rule, Caller caller, Subject subject) throws Exception {
        String[] parts = route.split(" ", 2);
        HttpMethod method = parts[0].equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(parts[0]);
        String subjectId = subject == Subject.OWN ? IDS.get(caller) : OTHER;
        String path = expand(route, parts[1], subjectId);
        String query = rule.query().replace("{cycleId}", cycleId);
        MockHttpServletRequestBuilder request = request(method, path + (query.isEmpty() ? "" : "?" + query));
        String token = token(caller);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String expand(String route, String pattern, String subjectId) {
        Matcher matcher = VARIABLE.matcher(pattern);
        var path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name == null ? "ping" : name.equals("subjectId") ? subjectId : PATH_SAMPLES.get(name);
            assertThat(value)
                    .as("no sample value for {" + name + "} of " + route + ": add one to PATH_SAMPLES")
                    .isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case EMPLOYEE -> bearer(IDS.get(caller), "EMPLOYEE");
            case LEADER -> bearer(IDS.get(caller), "EMPLOYEE", "LEADER");
            case ADMIN -> bearer(IDS.get(caller), "EMPLOYEE", "ADMIN");
            case SERVICE -> "Bearer " + TestTokens.get().serviceToken();
        };
    }

    /** Real data, so that "let through" means a real answer (a profile, a PDF, a heatmap), not just a 404. */
    private void releasedCycleWithEverySubject() throws Exception {
        cycleId = unique("matrix-cycle");
        var subjects = new ArrayList<String>(
                List.of(OTHER, IDS.get(Caller.EMPLOYEE), IDS.get(Caller.LEADER), IDS.get(Caller.ADMIN)));
        var invited = new TreeMap<String, Map<Relationship, Integer>>();
        subjects.forEach(s -> invited.put(s, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3)));
        publish(cycleOpened(cycleId, 3, invited));
        for (String subjectId : subjects) {
            publish(submission(cycleId, subjectId, SELF, Map.of("t1", 4, "v1", 3), Map.of("start", "self")));
            publish(submission(cycleId, subjectId, MANAGER, Map.of("t1", 3, "v1", 4), Map.of()));
            publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 2, "v1", 5), Map.of("stop", "x")));
            publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 5, "v1", 2), Map.of()));
            publish(submission(cycleId, subjectId, DIRECT_REPORT, Map.of("t1", 3, "v1", 3), Map.of()));
        }
        publish(cycleClosed(cycleId, invited));
        publish(resultsReleased(cycleId, subjects));
        String admin = token(Caller.ADMIN);
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String subjectId : subjects) {
                mvc.perform(request(HttpMethod.GET, "/api/profiles/" + subjectId + "?cycleId=" + cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk());
            }
        });
    }

    /** Leaves no rebuild running behind for the next test. */
    private void awaitRebuildDone(MockHttpServletResponse started) throws Exception {
        String rebuildId =
                json.readTree(started.getContentAsString()).get("rebuildId").asString();
        await().atMost(PATIENCE)
                .until(() -> !json.readTree(
                                mvc.perform(request(HttpMethod.GET, "/api/admin/profiles/rebuild/" + rebuildId)
                                                .header(HttpHeaders.AUTHORIZATION, token(Caller.ADMIN)))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString())
                        .get("status")
                        .asString()
                        .equals("RUNNING"));
    }
}
