package io.lead360.infra.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo company: a CEO, six leaders with their teams, and one team lead under a leader,
 * 37 people in all. Every demo person signs in with {@link #PASSWORD}.
 */
public final class DemoOrganisation {

    public static final String PASSWORD = "demo-lead360";
    public static final String DOMAIN = "@demo.lead360.test";
    public static final String CYCLE_NAME = "Demo 360 (spring)";

    /** How a leader's people experience them, per competency, on the leading scale (1..5). */
    public record Style(String description, Map<String, Double> byCompetency, double selfBias) {}

    public record Person(String email, String name, String managerEmail, List<String> roles) {}

    private static final String[] COMPETENCIES = {
        "TRUST", "DELEGATION", "EMPOWERMENT", "RECEPTIVENESS", "VISIBILITY", "VISION", "DEVELOPMENT"
    };

    private final List<Person> people = new ArrayList<>();
    private final Map<String, Style> leaderStyles = new LinkedHashMap<>();

    public DemoOrganisation() {
        Person ceo = add("nora.ceo", "Nora Lindqvist", null);
        leaderStyles.put(ceo.email(), style("visionary, a little distant", 4.0, 3.6, 3.8, 3.2, 2.6, 4.7, 3.5, 0.3));

        Person ana = add("ana.leader", "Ana Duarte", ceo.email());
        leaderStyles.put(ana.email(), style("a leader who lets go", 4.5, 4.3, 4.4, 4.0, 3.9, 3.6, 4.4, -0.4));
        team(ana, "ana", 6);

        Person max = add("max.manager", "Max Okafor", ceo.email());
        leaderStyles.put(max.email(), style("a controlling manager", 2.3, 2.1, 1.8, 2.6, 4.2, 3.4, 2.5, 1.3));
        team(max, "max", 6);

        Person lee = add("lee.leader", "Lee Tanaka", ceo.email());
        leaderStyles.put(
                lee.email(), style("supportive, unclear on direction", 4.1, 3.7, 4.0, 4.4, 4.3, 2.4, 4.2, -0.2));
        Person kim = team(lee, "lee", 5).get(0);
        leaderStyles.put(
                kim.email(), style("a new team lead who does the work", 3.3, 2.4, 2.2, 3.9, 3.8, 3.0, 3.1, 0.6));
        team(kim, "kim", 4);

        Person sam = add("sam.leader", "Sam Reyes", ceo.email());
        leaderStyles.put(sam.email(), style("balanced, grows people", 3.8, 3.9, 3.7, 3.5, 3.6, 3.9, 4.6, 0.1));
        team(sam, "sam", 5);

        Person eva = add("eva.leader", "Eva Novak", ceo.email());
        leaderStyles.put(eva.email(), style("receptive but stretched thin", 3.6, 3.2, 3.4, 4.6, 2.2, 3.7, 3.3, 0.0));
        team(eva, "eva", 4);

        add("hr.admin", "Harper Quinn", ceo.email(), List.of("EMPLOYEE", "ADMIN"));
    }

    private static Style style(
            String description,
            double trust,
            double delegation,
            double empowerment,
            double receptiveness,
            double visibility,
            double vision,
            double development,
            double selfBias) {
        double[] values = {trust, delegation, empowerment, receptiveness, visibility, vision, development};
        Map<String, Double> byCompetency = new LinkedHashMap<>();
        for (int i = 0; i < COMPETENCIES.length; i++) {
            byCompetency.put(COMPETENCIES[i], values[i]);
        }
        return new Style(description, byCompetency, selfBias);
    }

    private static final String[] FIRST = {
        "Lea", "Tom", "Ines", "Omar", "Ravi", "Mia", "Jon", "Zoe", "Ali", "Ida", "Ben", "Sara", "Noah", "Lina", "Finn",
        "Aya", "Luca", "Maya", "Theo", "Nina", "Igor", "Rosa", "Yuki", "Emil", "Hana", "Paul", "Vera", "Dan", "Ola",
        "Kai"
    };
    private static final String[] LAST = {
        "Park", "Berg", "Silva", "Haddad", "Nair", "Costa", "Fischer", "Ito", "Khan", "Moreau", "Weiss", "Lopez",
        "Olsen", "Rossi", "Meyer"
    };
    private int nameIndex;

    private List<Person> team(Person leader, String prefix, int size) {
        List<Person> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String name = FIRST[nameIndex % FIRST.length] + " " + LAST[(nameIndex * 7) % LAST.length];
            nameIndex++;
            members.add(add(prefix + ".team" + i, name, leader.email()));
        }
        return members;
    }

    private Person add(String local, String name, String managerEmail) {
        return add(local, name, managerEmail, List.of("EMPLOYEE"));
    }

    private Person add(String local, String name, String managerEmail, List<String> roles) {
        Person person = new Person(local + DOMAIN, name, managerEmail, roles);
        people.add(person);
        return person;
    }

    public List<Person> people() {
        return List.copyOf(people);
    }

    /** Leaders (cycle subjects) with the style their people experience. */
    public Map<String, Style> leaderStyles() {
        return Map.copyOf(leaderStyles);
    }

    /** The import body for {@code POST /api/people/import}. */
    public List<Map<String, Object>> importRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Person p : people) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", p.email());
            row.put("name", p.name());
            row.put("managerEmail", p.managerEmail());
            row.put("roles", p.roles());
            row.put("password", PASSWORD);
            rows.add(row);
        }
        return rows;
    }
}
