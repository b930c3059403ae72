package io.lead360.infra.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo organisation and a finished, released demo cycle through the public API,
 * exactly as an administrator and the raters would. Running it again changes nothing.
 */
public final class DemoLoader {

    private static final Map<String, String[]> START = Map.of(
            "TRUST",
                    new String[] {
                        "Trust us with the decisions in our own area.",
                        "Assume good intent before double-checking our work."
                    },
            "DELEGATION",
                    new String[] {
                        "Hand over whole projects, not just tasks.",
                        "Say clearly what done looks like when you delegate."
                    },
            "EMPOWERMENT",
                    new String[] {
                        "Let us find our own way, even if it is slower at first.",
                        "Give us room to make (and learn from) mistakes."
                    },
            "RECEPTIVENESS",
                    new String[] {"Ask us how your leadership lands.", "Tell us what you changed after feedback."},
            "VISIBILITY",
                    new String[] {"Join the team stand-up now and then.", "Keep an hour a week open for drop-ins."},
            "VISION",
                    new String[] {
                        "Explain where the department is heading and why.", "Connect our work to the bigger goals."
                    },
            "DEVELOPMENT",
                    new String[] {
                        "Talk with each of us about our growth.",
                        "Give us stretch assignments that match our strengths."
                    });
    private static final Map<String, String[]> STOP = Map.of(
            "TRUST",
                    new String[] {
                        "Re-checking decisions we have already made.", "Asking for status updates several times a day."
                    },
            "DELEGATION",
                    new String[] {
                        "Taking work back as soon as it gets difficult.", "Delegating only the tasks nobody wants."
                    },
            "EMPOWERMENT",
                    new String[] {"Prescribing every step of how we work.", "Jumping in and doing the work for us."},
            "RECEPTIVENESS",
                    new String[] {
                        "Getting defensive when someone raises a concern.",
                        "Dismissing ideas in meetings before they are finished."
                    },
            "VISIBILITY",
                    new String[] {
                        "Cancelling one-to-ones at the last minute.", "Being unreachable for days during crunch time."
                    },
            "VISION",
                    new String[] {
                        "Changing priorities every week.", "Starting new initiatives before finishing the last ones."
                    },
            "DEVELOPMENT",
                    new String[] {
                        "Giving the interesting work to the same two people.", "Skipping career conversations."
                    });
    private static final Map<String, String[]> CONTINUE = Map.of(
            "TRUST", new String[] {"Backing the team in front of other departments.", "Letting us own our decisions."},
            "DELEGATION",
                    new String[] {
                        "Giving clear goals with real ownership.",
                        "Being available when a delegated task gets hard, without taking it over."
                    },
            "EMPOWERMENT",
                    new String[] {"Giving us space to experiment.", "Letting us present our own work to leadership."},
            "RECEPTIVENESS",
                    new String[] {"Running the retro on your own leadership.", "Thanking people for critical feedback."
                    },
            "VISIBILITY",
                    new String[] {
                        "Walking the floor and knowing what is going on.", "Being approachable and quick to answer."
                    },
            "VISION",
                    new String[] {"The quarterly 'why we do this' sessions.", "Keeping us focused on what matters most."
                    },
            "DEVELOPMENT", new String[] {"Coaching instead of telling.", "Recognising each person's strengths."});

    private final ApiClient api;
    private final String adminEmail;
    private final String adminPassword;
    private final DemoOrganisation org = new DemoOrganisation();
    private final Random random = new Random(360);

    public DemoLoader(ApiClient api, String adminEmail, String adminPassword) {
        this.api = api;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    /** The administrator's password comes from the environment: a command-line argument is visible to every account. */
    static final String PASSWORD_VARIABLE = "LEAD360_BOOTSTRAP_ADMIN_PASSWORD";

    /** {@code demo <gateway-url> <admin-email>}, the password in {@code LEAD360_BOOTSTRAP_ADMIN_PASSWORD}. */
    public static void main(String[] args) {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (args.length != 2 || password == null || password.isEmpty()) {
            System.err.println("usage: " + PASSWORD_VARIABLE + "=<admin-password> demo <gateway-url> <admin-email>");
            System.exit(2);
        }
        try {
            new DemoLoader(new ApiClient(args[0]), args[1], password).load();
        } catch (IllegalStateException e) {
            System.err.println("lead360 demo: " + e.getMessage());
            System.exit(1);
        }
    }

    public void load() {
        String admin = signInAsAdministrator();
        JsonNode imported = api.importPeople(admin, org.importRows());
        System.out.printf(
                "Imported the demo organisation: %d people (%s created, %s updated)%n",
                org.people().size(), imported.get("created"), imported.get("updated"));

        if (demoCycleExists(admin)) {
            System.out.println("The demo cycle is already loaded.");
        } else {
            runCycle(admin);
        }
        printCredentials();
    }

    private String signInAsAdministrator() {
        ApiClient.Response answer =
                api.post("/api/auth/token", null, Map.of("email", adminEmail, "password", adminPassword));
        if (answer.status() == 401) {
            throw new IllegalStateException(
                    "The administrator " + adminEmail + " cannot sign in with the password given "
                            + "(./lead360 keeps the one it generated in $LEAD360_HOME/keys/bootstrap-admin-password; a database "
                            + "created earlier keeps the password its administrator was created with)");
        }
        // 200, or 429 while sign-ins are throttled: signIn waits that out
        return answer.status() == 200
                ? answer.json().get("accessToken").asString()
                : api.signIn(adminEmail, adminPassword);
    }

    private boolean demoCycleExists(String admin) {
        for (JsonNode cycle : api.get("/api/cycles", admin).expect(200).json()) {
            if (DemoOrganisation.CYCLE_NAME.equals(cycle.get("name").asString())) {
                return true;
            }
        }
        return false;
    }

    private void runCycle(String admin) {
        Map<String, String> idByEmail = new LinkedHashMap<>();
        for (JsonNode person : api.get("/api/people", admin).expect(200).json()) {
            idByEmail.put(person.get("email").asString(), person.get("id").asString());
        }
        Map<String, DemoOrganisation.Style> styleBySubjectId = new LinkedHashMap<>();
        org.leaderStyles().forEach((email, style) -> styleBySubjectId.put(idByEmail.get(email), style));

        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("name", DemoOrganisation.CYCLE_NAME);
        cycle.put("templateId", "leadership-360");
        cycle.put("subjectIds", new ArrayList<>(styleBySubjectId.keySet()));
        cycle.put("anonymityThreshold", 3);
        String cycleId = api.post("/api/cycles", admin, cycle)
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + cycleId + "/open", admin, null).expect(200);
        awaitInvitations(cycleId, admin);

        int submitted = 0;
        int declined = 0;
        for (DemoOrganisation.Person person : org.people()) {
            String token = api.signIn(person.email(), DemoOrganisation.PASSWORD);
            for (JsonNode request :
                    api.get("/api/feedback-requests", token).expect(200).json()) {
                if (!cycleId.equals(request.get("cycleId").asString())
                        || !"PENDING".equals(request.get("status").asString())) {
                    continue;
                }
                String requestId = request.get("id").asString();
                String relationship = request.get("relationship").asString();
                if (random.nextDouble() < 0.06 && !relationship.equals("SELF") && !relationship.equals("MANAGER")) {
                    api.post("/api/feedback-requests/" + requestId + "/decline", token, null)
                            .expect(200);
                    declined++;
                    continue;
                }
                JsonNode questionnaire = api.get("/api/feedback-requests/" + requestId, token)
                        .expect(200)
                        .json()
                        .get("questionnaire");
                DemoOrganisation.Style style =
                        styleBySubjectId.get(request.get("subject").get("id").asString());
                api.post(
                                "/api/feedback-requests/" + requestId + "/response",
                                token,
                                answer(questionnaire, style, relationship))
                        .expect(201);
                submitted++;
            }
        }
        System.out.printf("Demo cycle: %d responses submitted, %d declined%n", submitted, declined);
        api.post("/api/cycles/" + cycleId + "/close", admin, null).expect(200);
        api.post("/api/cycles/" + cycleId + "/release", admin, null).expect(200);
        awaitProfiles(styleBySubjectId.keySet().iterator().next(), cycleId, admin);
        System.out.println("Demo cycle closed and released.");
    }

    /** Waits until the cycle's invitation mails are out (before anyone answers, so that each lists every request). */
    private void awaitInvitations(String cycleId, String admin) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            JsonNode invitations = api.get("/api/cycles/" + cycleId + "/mail", admin)
                    .expect(200)
                    .json()
                    .get("invitations");
            if (invitations.get("sent").asInt() > 0 && invitations.get("queued").asInt() == 0) {
                System.out.printf(
                        "Invitations mailed: %d (read one: ./lead360 mail %s)%n",
                        invitations.get("sent").asInt(), "ana.team1@demo.lead360.test");
                return;
            }
            sleep();
        }
        System.out.println("The invitations are still queued (is the mail server up?); the demo goes on without them.");
    }

    private Map<String, Object> answer(JsonNode questionnaire, DemoOrganisation.Style style, String relationship) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        double bias = relationship.equals("SELF") ? style.selfBias() : 0;
        for (JsonNode competency : questionnaire.get("competencies")) {
            double target = style.byCompetency().get(competency.get("key").asString()) + bias;
            for (JsonNode item : competency.get("items")) {
                Integer score = null;
                if (random.nextDouble() >= 0.06) {
                    long leading = Math.round(Math.max(1, Math.min(5, target + random.nextGaussian() * 0.7)));
                    // a managing-style (reverse) item is answered on the opposite end of the scale
                    score = (int) (item.get("reverse").asBoolean() ? 6 - leading : leading);
                }
                ratings.put(item.get("id").asString(), score);
            }
        }
        if (ratings.values().stream().allMatch(java.util.Objects::isNull)) {
            ratings.put(ratings.keySet().iterator().next(), 3);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratings", ratings);
        if (random.nextDouble() < 0.75) {
            body.put("comments", comments(style));
        }
        return body;
    }

    private Map<String, String> comments(DemoOrganisation.Style style) {
        List<Map.Entry<String, Double>> sorted =
                new ArrayList<>(style.byCompetency().entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        String weakest = sorted.get(random.nextInt(2)).getKey();
        String strongest = sorted.get(sorted.size() - 1 - random.nextInt(2)).getKey();
        Map<String, String> comments = new LinkedHashMap<>();
        comments.put("start", pick(START.get(weakest)));
        if (random.nextBoolean()) {
            comments.put("stop", pick(STOP.get(weakest)));
        }
        comments.put("continue", pick(CONTINUE.get(strongest)));
        return comments;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Analytics builds profiles from events; wait until the first leader's profile is there. */
    private void awaitProfiles(String subjectId, String cycleId, String admin) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/api/profiles/" + subjectId + "?cycleId=" + cycleId, admin)
                            .status()
                    == 200) {
                return;
            }
            sleep();
        }
        System.out.println("Warning: the demo profiles are not visible yet; analytics may still be catching up.");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printCredentials() {
        System.out.println();
        System.out.println("Sign in (password for every demo person: " + DemoOrganisation.PASSWORD + "):");
        org.leaderStyles().entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> System.out.printf(
                        "  leader  %-34s %s%n", e.getKey(), e.getValue().description()));
        System.out.println("  rater   ana.team1" + DemoOrganisation.DOMAIN);
        System.out.println("  admin   hr.admin" + DemoOrganisation.DOMAIN + " (or the bootstrap administrator)");
    }
}
