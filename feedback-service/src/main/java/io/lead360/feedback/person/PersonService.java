package io.lead360.feedback.person;

import io.lead360.feedback.auth.Roles;
import io.lead360.feedback.web.InvalidInputException;
import io.lead360.feedback.web.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** People: sign-in check, lookups with derived roles, and the all-or-nothing import. */
@Service
public class PersonService {

    /** The cycles collection is read only to derive LEADER (a subject of any cycle). */
    private static final String CYCLES = "cycles";

    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final String dummyHash;

    PersonService(MongoTemplate mongo, PasswordEncoder encoder) {
        this.mongo = mongo;
        this.encoder = encoder;
        // compared against when the email is unknown, so both answers take about as long
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    public Optional<PersonView> verify(String email, String password) {
        String normalized = email == null ? "" : email.strip().toLowerCase();
        Person person = normalized.isEmpty() ? null
                : mongo.findOne(Query.query(where("email").is(normalized)), Person.class);
        String hash = person == null || person.passwordHash() == null ? dummyHash : person.passwordHash();
        boolean matches = password != null && encoder.matches(password, hash);
        if (person == null || person.passwordHash() == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(view(person));
    }

    public PersonView get(String id) {
        Person person = mongo.findById(id, Person.class);
        if (person == null) {
            throw new NotFoundException("No person " + id);
        }
        return view(person);
    }

    public List<PersonView> list() {
        List<Person> people = mongo.findAll(Person.class);
        Set<String> leaders = new HashSet<>();
        people.stream().map(Person::managerId).filter(Objects::nonNull).forEach(leaders::add);
        leaders.addAll(allSubjectIds());
        return people.stream()
                .sorted((a, b) -> a.email().compareTo(b.email()))
                .map(p -> view(p, leaders.contains(p.id())))
                .toList();
    }

    /** Name of each known person among {@code ids}. */
    public Map<String, String> namesOf(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), Person.class).stream()
                .collect(Collectors.toMap(Person::id, Person::name));
    }

    /** Every person's id to their manager's id (null for none): the org chart for rater assignment. */
    public Map<String, String> managerOfEveryone() {
        Map<String, String> managers = new HashMap<>();
        mongo.findAll(Person.class).forEach(p -> managers.put(p.id(), p.managerId()));
        return managers;
    }

    public ImportResult importPeople(List<ImportRow> sent) {
        List<ImportRow> rows = sent.stream().map(ImportValidator::normalize).toList();
        List<Person> stored = mongo.findAll(Person.class);
        Map<String, Person> byId = stored.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, Person> byEmail = stored.stream().collect(Collectors.toMap(Person::email, Function.identity()));
        Map<String, String> existingManagers = new HashMap<>();
        for (Person p : stored) {
            Person manager = p.managerId() == null ? null : byId.get(p.managerId());
            existingManagers.put(p.email(), manager == null ? null : manager.email());
        }
        var errors = ImportValidator.validate(rows, existingManagers);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The import was rejected; nothing was changed", errors);
        }

        Map<String, String> idOfEmail = new HashMap<>();
        byEmail.forEach((email, p) -> idOfEmail.put(email, p.id()));
        for (ImportRow row : rows) {
            idOfEmail.computeIfAbsent(row.email(), e -> UUID.randomUUID().toString());
        }
        int created = 0;
        int updated = 0;
        for (ImportRow row : rows) {
            String managerId = row.managerEmail() == null ? null : idOfEmail.get(row.managerEmail());
            List<String> granted = row.roles().contains(Roles.ADMIN) ? List.of(Roles.ADMIN) : List.of();
            Person existing = byEmail.get(row.email());
            if (existing == null) {
                mongo.insert(new Person(idOfEmail.get(row.email()), row.email(), row.name(), managerId, granted,
                        row.password() == null ? null : encoder.encode(row.password())));
                created++;
                continue;
            }
            boolean newPassword = row.password() != null
                    && (existing.passwordHash() == null || !encoder.matches(row.password(), existing.passwordHash()));
            boolean same = existing.name().equals(row.name())
                    && Objects.equals(existing.managerId(), managerId)
                    && Objects.equals(Set.copyOf(nullToEmpty(existing.grantedRoles())), Set.copyOf(granted));
            if (same && !newPassword) {
                continue;
            }
            Update update = new Update().set("name", row.name()).set("managerId", managerId).set("grantedRoles", granted);
            if (newPassword) {
                update.set("passwordHash", encoder.encode(row.password()));
            }
            mongo.updateFirst(Query.query(where("_id").is(existing.id())), update, Person.class);
            updated++;
        }
        return new ImportResult(created, updated);
    }

    /** Creates the first administrator on an empty database; a racing instance loses on the unique email. */
    boolean bootstrapAdmin(String email, String password) {
        if (mongo.estimatedCount(Person.class) > 0) {
            return false;
        }
        try {
            mongo.insert(new Person(UUID.randomUUID().toString(), email.strip().toLowerCase(), "Administrator", null,
                    List.of(Roles.ADMIN), encoder.encode(password)));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    private PersonView view(Person person) {
        boolean leader = mongo.exists(Query.query(where("managerId").is(person.id())), Person.class)
                || mongo.exists(Query.query(where("subjectIds").is(person.id())), CYCLES);
        return view(person, leader);
    }

    private static PersonView view(Person person, boolean leader) {
        List<String> roles = new ArrayList<>();
        roles.add(Roles.EMPLOYEE);
        if (leader) {
            roles.add(Roles.LEADER);
        }
        if (nullToEmpty(person.grantedRoles()).contains(Roles.ADMIN)) {
            roles.add(Roles.ADMIN);
        }
        return new PersonView(person.id(), person.email(), person.name(), roles, person.managerId());
    }

    private Set<String> allSubjectIds() {
        Query query = new Query();
        query.fields().include("subjectIds");
        Set<String> ids = new HashSet<>();
        for (org.bson.Document cycle : mongo.find(query, org.bson.Document.class, CYCLES)) {
            Object subjects = cycle.get("subjectIds");
            if (subjects instanceof List<?> list) {
                list.forEach(s -> ids.add(String.valueOf(s)));
            }
        }
        return ids;
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
