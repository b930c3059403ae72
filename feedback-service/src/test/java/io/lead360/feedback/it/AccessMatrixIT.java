package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the running service has a rule saying who may call it, and every rule holds: each
 * route is called by every kind of caller (anonymous, EMPLOYEE, LEADER, ADMIN, the gateway's SERVICE
 * token, analytics-service's own service token), on the caller's own object and on someone else's where the route takes an id, with real
 * data. A route added without a line in {@link #RULES} fails this test, naming it.
 *
 * <p>Refused = 401/403 (404 for another's object under OWNER, for everyone, administrators too).
 * Let through = any other status (a 400 for a deliberately incomplete body still proves the caller
 * got past access control), and never 404 for the caller's own object.
 */
class AccessMatrixIT extends AbstractIT {

    /** Who may call a route. */
    enum Rule {
        /** anyone, with or without a token */
        PUBLIC,
        /** only the gateway's SERVICE token */
        SERVICE,
        /** only analytics-service's own service token (signed with its key, not the gateway's) */
        ANALYTICS,
        /** any signed-in person, whatever their roles */
        ANY_PERSON,
        /** administrators only */
        ADMIN,
        /** the person named by {id} themselves, or an administrator (another person → 403) */
        SELF_OR_ADMIN,
        /** the rater of the request {id}; another's request → 404 for everyone, administrators too */
        OWNER,
        /** the cycle's subject (the LEADER caller here) or an administrator; others refused (403/404) */
        SUBJECT_OR_ADMIN
    }

    enum Caller {
        ANONYMOUS,
        EMPLOYEE,
        LEADER,
        ADMIN,
        SERVICE,
        ANALYTICS
    }

    private static final String SIGN_IN_PASSWORD = "matrix-password-1";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /**
     * "METHOD pattern" → rule, and the JSON body it is called with (null: none). One line per route.
     * Bodies of routes that change things are deliberately invalid where a valid one would disturb the
     * fixture: a 400 still shows the caller was let through.
     */
    private static final Map<String, Route> RULES = new LinkedHashMap<>();

    static {
        rule("GET /error", Rule.PUBLIC);
        rule("GET /api/docs/feedback", Rule.PUBLIC);
        rule("GET /api/docs/feedback.yaml", Rule.PUBLIC);

        rule(
                "POST /internal/auth/verify",
                Rule.SERVICE,
                f -> json("email", f.signInEmail, "password", SIGN_IN_PASSWORD));
        rule("POST /internal/auth/refresh", Rule.SERVICE, f -> json("refreshToken", f.refreshToken));
        rule("POST /internal/auth/sso", Rule.SERVICE, f -> json("email", f.signInEmail));
        rule("POST /internal/auth/sso/redeem", Rule.SERVICE, f -> json("code", f.ssoCode));
        rule("GET /internal/auth/sessions/{sessionId}", Rule.SERVICE);
        rule("DELETE /internal/auth/sessions/{sessionId}", Rule.SERVICE);
        rule("POST /internal/subject-keys", Rule.ANALYTICS, f -> "{\"subjectIds\":[\"" + f.leader + "\"]}");

        // the links in mails: no token, the link's token is the proof (invalid here: 400 still lets through)
        rule("POST /api/auth/password-reset", Rule.PUBLIC, f -> json("email", "nobody@acme.test"));
        rule("POST /api/auth/password", Rule.PUBLIC, f -> json("token", "no-such-token", "password", "long-enough-1"));
        rule("POST /api/mail/unsubscribe", Rule.PUBLIC);

        rule("GET /api/me", Rule.ANY_PERSON);
        rule("GET /api/me/notifications", Rule.ANY_PERSON);
        rule("PUT /api/me/notifications", Rule.ANY_PERSON, f -> "{\"language\":\"xx\"}");
        rule("GET /api/people", Rule.ADMIN);
        rule("GET /api/people/{id}", Rule.SELF_OR_ADMIN);
        rule("POST /api/people/import", Rule.ADMIN, f -> "[]");
        // an unknown job id: 404 for an administrator still shows the caller was let through
        rule("GET /api/people/imports/{id}", Rule.ADMIN);
        rule("POST /api/people/{id}/deactivate", Rule.ADMIN);
        rule("POST /api/people/{id}/activate", Rule.ADMIN);
        rule("POST /api/people/{id}/sign-out", Rule.ADMIN);
        rule("PUT /api/people/{id}/roles", Rule.ADMIN, f -> "{\"roles\":[\"EMPLOYEE\",\"ADMIN\"]}");
        // erasing: another person's id is a spare person (see expand), one's own id is refused with 409
        rule("DELETE /api/people/{id}", Rule.ADMIN);
        rule("GET /api/people/{id}/data", Rule.ADMIN);
        rule("GET /api/me/data", Rule.ANY_PERSON);
        rule("GET /api/audit", Rule.ADMIN);

        rule("GET /api/templates", Rule.ANY_PERSON);
        rule("GET /api/templates/{id}", Rule.ANY_PERSON);
        rule("POST /api/templates", Rule.ADMIN, f -> "{}");
        rule("PUT /api/templates/{id}", Rule.ADMIN, f -> "{}");

        rule("POST /api/cycles", Rule.ADMIN, f -> "{}");
        rule("GET /api/cycles", Rule.ADMIN);
        rule("GET /api/cycles/{id}", Rule.ADMIN);
        rule("GET /api/cycles/{id}/progress", Rule.ADMIN);
        rule("POST /api/cycles/{id}/open", Rule.ADMIN);
        rule("POST /api/cycles/{id}/close", Rule.ADMIN);
        rule("POST /api/cycles/{id}/release", Rule.ADMIN);
        rule("POST /api/cycles/{id}/remind", Rule.ADMIN);
        rule("GET /api/cycles/{id}/mail", Rule.ADMIN);
        rule(
                "POST /api/cycles/{id}/nominations",
                Rule.SUBJECT_OR_ADMIN,
                f -> json("subjectId", f.leader, "raterId", f.other, "relationship", "PEER"));
        rule("GET /api/cycles/{id}/nominations", Rule.SUBJECT_OR_ADMIN);
        rule("POST /api/cycles/{id}/nominations/{nominationId}/approve", Rule.ADMIN);
        rule("POST /api/cycles/{id}/nominations/{nominationId}/reject", Rule.ADMIN);

        rule("GET /api/feedback-requests", Rule.ANY_PERSON);
        rule("GET /api/feedback-requests/{id}", Rule.OWNER);
        rule("POST /api/feedback-requests/{id}/response", Rule.OWNER, f -> "{\"ratings\":{\"no-such-item\":5}}");
        rule("PUT /api/feedback-requests/{id}/draft", Rule.OWNER, f -> "{\"ratings\":{\"no-such-item\":9}}");
        rule("POST /api/feedback-requests/{id}/decline", Rule.OWNER, f -> json("reason", "x".repeat(501)));
    }

    record Route(Rule rule, Function<Fixture, String> body) {}

    private static void rule(String route, Rule rule) {
        rule(route, rule, f -> null);
    }

    private static void rule(String route, Rule rule, Function<Fixture, String> body) {
        if (RULES.put(route, new Route(rule, body)) != null) {
            throw new IllegalStateException("two rules for " + route);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    /** "METHOD pattern" of every handler; a mapping without methods answers every method, GET stands for it. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                }
                methods.forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }
        return routes;
    }

    @Test
    void everyRouteHasARule() {
        Set<String> routes = routes();
        assertThat(routes).as("sanity: the handler mappings were read").contains("GET /api/me");
        List<String> missing =
                routes.stream().filter(r -> !RULES.containsKey(r)).toList();
        assertThat(missing)
                .as("routes without a rule in AccessMatrixIT.RULES: add one line per route")
                .isEmpty();
        List<String> stale =
                RULES.keySet().stream().filter(r -> !routes.contains(r)).toList();
        assertThat(stale).as("rules for routes that no longer exist").isEmpty();
    }

    @Test
    void everyCallerGetsExactlyWhatTheRuleAllows() throws Exception {
        Fixture f = fixture();
        List<String> violations = new ArrayList<>();
        for (String route : routes()) {
            Route rule = RULES.get(route);
            if (rule == null) {
                continue; // everyRouteHasARule names it
            }
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            for (Caller caller : Caller.values()) {
                boolean takesId = VARIABLE.matcher(pattern).find();
                for (boolean own : takesId ? List.of(true, false) : List.of(true)) {
                    String path = expand(pattern, f, caller, own, "DELETE".equals(method));
                    int status =
                            call(method, path, f.tokenOf(caller), rule.body().apply(f));
                    Expectation expected = expectation(rule.rule(), caller, own);
                    if (!expected.holds(status)) {
                        violations.add(route + " as " + caller + (takesId ? own ? " (own)" : " (other's)" : "") + " → "
                                + status + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(violations).as("access rules broken").isEmpty();
    }

    /**
     * A method no rule names gets past no rule: HEAD (which Spring MVC answers with the GET handler),
     * OPTIONS, TRACE, PATCH and a made-up one are refused on every route for every caller, and a served
     * method a route does not map is refused or 405, never answered.
     */
    @Test
    void everyOtherMethodOnEveryRouteIsRefused() throws Exception {
        Fixture f = fixture();
        Map<String, Set<String>> methodsOfPattern = new java.util.TreeMap<>();
        for (String route : routes()) {
            methodsOfPattern
                    .computeIfAbsent(route.substring(route.indexOf(' ') + 1), p -> new TreeSet<>())
                    .add(route.substring(0, route.indexOf(' ')));
        }
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : methodsOfPattern.entrySet()) {
            String pattern = entry.getKey();
            if (pattern.equals("/error")) {
                continue; // the error page answers error dispatches, whatever their method
            }
            for (String method :
                    List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH", "PROPFIND")) {
                if (entry.getValue().contains(method)) {
                    continue; // everyCallerGetsExactlyWhatTheRuleAllows
                }
                boolean unserved = !List.of("GET", "POST", "PUT", "DELETE").contains(method);
                for (Caller caller : Caller.values()) {
                    int status = call(method, expand(pattern, f, caller, true, false), f.tokenOf(caller), null);
                    // Spring Security's firewall refuses TRACE and made-up methods (400) before any rule
                    boolean firewalled = method.equals("TRACE") || method.equals("PROPFIND");
                    boolean refused = firewalled
                            ? status == 400
                            // a served method may reach another route of the same shape (GET /api/people/{id}
                            // with the id "import": 404), never more
                            : status == 401 || status == 403 || (!unserved && (status == 405 || status == 404));
                    if (!refused) {
                        violations.add(method + " " + pattern + " as " + caller + " → " + status);
                    }
                }
            }
        }
        assertThat(violations).as("methods that got past the rules").isEmpty();
    }

    enum Expectation {
        LET_THROUGH,
        LET_THROUGH_NOT_404,
        REFUSED,
        REFUSED_OR_404,
        NOT_FOUND;

        boolean holds(int status) {
            return switch (this) {
                case LET_THROUGH -> status != 401 && status != 403;
                case LET_THROUGH_NOT_404 -> status != 401 && status != 403 && status != 404;
                case REFUSED -> status == 401 || status == 403;
                case REFUSED_OR_404 -> status == 401 || status == 403 || status == 404;
                case NOT_FOUND -> status == 404;
            };
        }
    }

    private static Expectation expectation(Rule rule, Caller caller, boolean own) {
        boolean person = caller == Caller.EMPLOYEE || caller == Caller.LEADER || caller == Caller.ADMIN;
        return switch (rule) {
            // a token this chain does not trust (analytics' is for the subject keys only) is refused even here
            case PUBLIC -> caller == Caller.ANALYTICS ? Expectation.REFUSED : Expectation.LET_THROUGH;
            case SERVICE -> caller == Caller.SERVICE ? Expectation.LET_THROUGH : Expectation.REFUSED;
            case ANALYTICS -> caller == Caller.ANALYTICS ? Expectation.LET_THROUGH : Expectation.REFUSED;
            case ANY_PERSON -> person ? Expectation.LET_THROUGH : Expectation.REFUSED;
            case ADMIN -> caller == Caller.ADMIN ? Expectation.LET_THROUGH : Expectation.REFUSED;
            case SELF_OR_ADMIN ->
                !person
                        ? Expectation.REFUSED
                        : own
                                ? Expectation.LET_THROUGH_NOT_404
                                : caller == Caller.ADMIN ? Expectation.LET_THROUGH_NOT_404 : Expectation.REFUSED;
            case OWNER -> !person ? Expectation.REFUSED : own ? Expectation.LET_THROUGH_NOT_404 : Expectation.NOT_FOUND;
            case SUBJECT_OR_ADMIN ->
                caller == Caller.ADMIN || caller == Caller.LEADER
                        ? Expectation.LET_THROUGH_NOT_404
                        : person ? Expectation.REFUSED_OR_404 : Expectation.REFUSED;
        };
    }

    /** The ids a path takes, by what the route is about; "own" is the caller's, "other" someone else's. */
    private static String expand(String pattern, Fixture f, Caller caller, boolean own, boolean erasing) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String id = switch (m.group(1)) {
                case "sessionId" -> f.spareSession;
                case "nominationId" -> f.nomination;
                default -> erasing && !own ? f.spare : idOf(pattern, f, caller, own);
            };
            m.appendReplacement(path, Matcher.quoteReplacement(id));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String idOf(String pattern, Fixture f, Caller caller, boolean own) {
        if (pattern.startsWith("/api/people/")) {
            return own && f.personOf(caller) != null ? f.personOf(caller) : f.other;
        }
        if (pattern.startsWith("/api/feedback-requests/")) {
            return own && f.requestOf(caller) != null ? f.requestOf(caller) : f.othersRequest;
        }
        if (pattern.startsWith("/api/cycles/")) {
            return pattern.contains("nominations") ? f.draftCycle : f.adminCycle;
        }
        if (pattern.startsWith("/api/templates/")) {
            return f.template;
        }
        throw new IllegalStateException("AccessMatrixIT does not know which id " + pattern + " takes: extend idOf");
    }

    private int call(String method, String path, String token, String body) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String json(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
    }

    /** The organisation the matrix is called against; ids and tokens of each kind of caller. */
    final class Fixture {
        String admin;
        String leader;
        String employee;
        String other;
        /** Erased by the DELETE route, so that no other route loses its objects. */
        String spare;

        String signInEmail;
        String refreshToken;
        String ssoCode;
        String spareSession;
        String template;
        String draftCycle;
        String adminCycle;
        String nomination;
        final Map<String, String> requestOfPerson = new LinkedHashMap<>();
        String othersRequest;

        String personOf(Caller caller) {
            return switch (caller) {
                case EMPLOYEE -> employee;
                case LEADER -> leader;
                case ADMIN -> admin;
                default -> null;
            };
        }

        String requestOf(Caller caller) {
            String person = personOf(caller);
            return person == null ? null : requestOfPerson.get(person);
        }

        String tokenOf(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> null;
                case SERVICE -> tokens.serviceToken();
                case ANALYTICS ->
                    io.lead360.testsupport.TestTokens.analyticsService().serviceToken();
                case EMPLOYEE -> tokenFor(employee, email("emp"), "Emp", List.of("EMPLOYEE"));
                case LEADER -> tokenFor(leader, email("lead"), "Lead", List.of("EMPLOYEE", "LEADER"));
                case ADMIN -> tokenFor(admin, email("boss"), "Boss", List.of("EMPLOYEE", "ADMIN"));
            };
        }
    }

    /**
     * boss (ADMIN) ← lead ← {emp, oth}; signin (with a password) for the internal routes. A DRAFT
     * cycle about lead with a nomination, an OPEN one about lead whose requests the raters own, and a
     * third cycle the administrator routes may move through its states.
     */
    private Fixture fixture() throws Exception {
        Map<String, Object> boss = person(email("boss"), "Boss", null);
        boss.put("roles", List.of("ADMIN"));
        Map<String, Object> signIn = person(email("signin"), "Sign In", null);
        signIn.put("password", SIGN_IN_PASSWORD);
        Map<String, String> ids = importAndGetIds(List.of(
                boss,
                person(email("lead"), "Lead", email("boss")),
                person(email("emp"), "Emp", email("lead")),
                person(email("oth"), "Oth", email("lead")),
                signIn,
                person(email("spare"), "Spare", null)));
        Fixture f = new Fixture();
        f.admin = ids.get("boss");
        f.leader = ids.get("lead");
        f.employee = ids.get("emp");
        f.other = ids.get("oth");
        f.spare = ids.get("spare");
        f.signInEmail = email("signin");
        String admin = f.tokenOf(Caller.ADMIN);

        JsonNode signedIn = body(postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", f.signInEmail, "password", SIGN_IN_PASSWORD))
                .andExpect(status().isOk()));
        f.refreshToken = signedIn.get("session").get("refreshToken").asString();
        f.ssoCode = body(postAs(tokens.serviceToken(), "/internal/auth/sso", Map.of("email", f.signInEmail))
                        .andExpect(status().isOk()))
                .get("code")
                .asString();
        f.spareSession = sessions.start(ids.get("signin")).sessionId();

        f.template = body(getAs(admin, "/api/templates").andExpect(status().isOk()))
                .get(0)
                .get("id")
                .asString();
        f.draftCycle = cycle(admin, "draft", f.leader);
        f.nomination = body(postAs(
                                admin,
                                "/api/cycles/" + f.draftCycle + "/nominations",
                                Map.of("subjectId", f.leader, "raterId", f.other, "relationship", "PEER"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        f.adminCycle = cycle(admin, "moved", f.leader);

        String open = cycle(admin, "open", f.leader);
        postAs(admin, "/api/cycles/" + open + "/open", null).andExpect(status().isOk());
        for (String person : List.of(f.admin, f.leader, f.employee, f.other)) {
            String token = tokenFor(person, person + "@acme.test", "Someone", List.of("EMPLOYEE"));
            for (JsonNode r : body(getAs(token, "/api/feedback-requests"))) {
                if (r.get("cycleId").asString().equals(open)) {
                    f.requestOfPerson.put(person, r.get("id").asString());
                }
            }
        }
        f.othersRequest = f.requestOfPerson.get(f.other);
        assertThat(f.requestOfPerson).as("every rater holds a request").hasSize(4);
        return f;
    }

    private String cycle(String admin, String name, String subject) throws Exception {
        return body(postAs(
                                admin,
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        name + " " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(subject)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
    }
}
