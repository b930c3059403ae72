package io.lead360.feedback.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.auth.Roles;
import io.lead360.feedback.auth.Sessions;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.service.Emails;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
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
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** People: sign-in check, lookups with derived roles, and the all-or-nothing import. */
@Service
public class PersonService {

    /** The cycles collection is read only to derive LEADER (a subject of any cycle). */
    private static final String CYCLES = "cycles";

    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final PasswordHashing hashing;
    private final String dummyHash;
    private final FeedbackProperties properties;
    private final Clock clock;

    private final Sessions sessions;
    private final AuditLog audit;

    PersonService(
            MongoTemplate mongo,
            PasswordEncoder encoder,
            PasswordHashing hashing,
            FeedbackProperties properties,
            Clock clock,
            Sessions sessions,
            AuditLog audit) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.audit = audit;
        this.encoder = encoder;
        this.hashing = hashing;
        this.properties = properties;
        this.clock = clock;
        // compared against when the email is unknown, so both answers take about as long
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    public Optional<PersonView> verify(String email, String password) {
        String normalized = Emails.normalise(email);
        Person person = normalized.isEmpty()
                ? null
                : mongo.findOne(Query.query(where("email").is(normalized)), Person.class);
        // a password bcrypt cannot read in full is nobody's (else "the password plus anything" would match);
        // it is still compared, against the dummy hash, so that the answer takes as long
        boolean checkable = password != null && PasswordRules.fitsTheHash(password);
        String hash = person == null || person.passwordHash() == null || !checkable ? dummyHash : person.passwordHash();
        boolean matches = password != null && encoder.matches(checkable ? password : "", hash) && checkable;
        // a deactivated person is refused exactly like a wrong password
        if (person == null || person.passwordHash() == null || !matches || !person.active()) {
            return Optional.empty();
        }
        return Optional.of(view(person));
    }

    /** The person if they exist and may still sign in (roles derived now, not at sign-in). */
    public Optional<PersonView> findActive(String id) {
        Person person = id == null ? null : mongo.findById(id, Person.class);
        return person == null || !person.active() ? Optional.empty() : Optional.of(view(person));
    }

    /** The active person with that email, compared case-insensitively (stored emails are lower case). */
    public Optional<PersonView> findActiveByEmail(String email) {
        String normalized = Emails.normalise(email);
        Person person = normalized.isEmpty()
                ? null
                : mongo.findOne(Query.query(where("email").is(normalized)), Person.class);
        return person == null || !person.active() ? Optional.empty() : Optional.of(view(person));
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

    /** How to write to a person: address, name, language, whether they can sign in with a password, their choice on reminders. */
    public record Contact(
            String id,
            String email,
            String name,
            String language,
            boolean hasPassword,
            boolean wantsReminders,
            boolean active) {}

    /** The contacts of the known people among {@code ids}, by id. */
    public Map<String, Contact> contactsOf(Collection<String> ids) {
        Map<String, Contact> contacts = new HashMap<>();
        for (Person p : mongo.find(Query.query(where("_id").in(ids)), Person.class)) {
            contacts.put(
                    p.id(),
                    new Contact(
                            p.id(),
                            p.email(),
                            p.name(),
                            p.language(),
                            p.passwordHash() != null,
                            !Boolean.TRUE.equals(p.remindersOff()),
                            p.active()));
        }
        return contacts;
    }

    /** The person's own choice: reminder mails or not (invitations and results still come). */
    public void setReminders(String personId, boolean wanted) {
        update(personId, wanted ? new Update().unset("remindersOff") : new Update().set("remindersOff", true));
    }

    /** The language of the person's mails; null: the default. */
    public void setLanguage(String personId, String language) {
        update(personId, language == null ? new Update().unset("language") : new Update().set("language", language));
    }

    private void update(String personId, Update update) {
        if (mongo.updateFirst(Query.query(where("_id").is(personId)), update, Person.class)
                        .getMatchedCount()
                == 0) {
            throw new NotFoundException("No person " + personId);
        }
    }

    /**
     * A new password, set by the person themselves (a single-use link): hashed, every session of theirs
     * ends, and it is audited with the person as actor.
     */
    public void setPassword(String personId, String password, String how) {
        String hash = encoder.encode(password);
        if (mongo.updateFirst(
                                Query.query(where("_id")
                                        .is(personId)
                                        .and("deactivatedAt")
                                        .is(null)),
                                new Update().set("passwordHash", hash),
                                Person.class)
                        .getMatchedCount()
                == 0) {
            throw new NotFoundException("No person " + personId);
        }
        sessions.revokeAllOf(List.of(personId));
        audit.record(personId, AuditActions.PASSWORD_SET, AuditActions.PERSON, personId, Map.of("by", how));
    }

    /** Name of each known person among {@code ids}. */
    public Map<String, String> namesOf(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), Person.class).stream()
                .collect(Collectors.toMap(Person::id, Person::name));
    }

    /**
     * Every active person's id to their manager's id (null for none): the org chart for rater
     * assignment. Deactivated people are left out, so they get no requests.
     */
    public Map<String, String> managerOfEveryone() {
        Map<String, String> managers = new HashMap<>();
        activePeople().forEach(p -> managers.put(p.id(), p.managerId()));
        return managers;
    }

    /** The ids among {@code ids} of people who exist and are active. */
    public Set<String> activeAmong(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids).and("deactivatedAt").is(null)), Person.class).stream()
                .map(Person::id)
                .collect(Collectors.toSet());
    }

    /** "All leaders": active people with at least one active direct report, sorted by id. */
    public List<String> leaderIds() {
        List<Person> active = activePeople();
        Set<String> activeIds = active.stream().map(Person::id).collect(Collectors.toSet());
        return active.stream()
                .map(Person::managerId)
                .filter(activeIds::contains)
                .distinct()
                .sorted()
                .toList();
    }

    private List<Person> activePeople() {
        Query query = Query.query(where("deactivatedAt").is(null));
        query.fields().include("managerId", "email", "name");
        return mongo.find(query, Person.class);
    }

    /**
     * A validated import and what it changes, not yet written: what {@link #apply} writes.
     *
     * @param people the rows of the file
     */
    record PlannedImport(ImportPlan plan, ImportOptions options, int people) {

        /** How many passwords applying it hashes (none for a dry run). */
        int passwords() {
            return options.dryRun() || plan.changesNothing()
                    ? 0
                    : plan.passwordsSet().size();
        }
    }

    /**
     * The first half of an import, quick and on the caller's thread: validates the whole file and plans
     * every change, so bad input is refused (4xx) before anything runs, also when {@link ImportJobs}
     * applies the plan later. Errors and warnings name the rows as {@code source} does (a CSV file: by
     * line too). A dry run is applied as a plan too, so it counts exactly what the real import would do.
     *
     * <p>An import never changes an existing person's password (it would let an administrator sign
     * in as anyone, a rater included), and in production mode it sets none at all (people then sign
     * in through single sign-on): such a password is ignored with a warning naming the row. A new
     * person's password, and every role change, is audited per person.
     */
    PlannedImport plan(List<ImportRow> sent, ImportOptions options, ImportSource source, String actorId) {
        List<ImportRow> rows = sent.stream().map(ImportValidator::normalize).toList();
        List<ImportPlan.Stored> stored = mongo.findAll(Person.class).stream()
                .map(p ->
                        new ImportPlan.Stored(p.id(), p.email(), p.name(), p.managerId(), p.grantedRoles(), p.active()))
                .toList();
        var errors = ImportValidator.validate(rows, ImportPlan.existingManagers(stored, options), source);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The import was rejected; nothing was changed", errors);
        }
        ImportPlan plan = ImportPlan.of(rows, stored, options, properties.production(), source);
        plan.lockout(actorId, stored).ifPresent(reason -> {
            throw new ConflictException(reason + "; nothing was changed");
        });
        if (plan.deactivatesTooMany(properties.people().maxDeactivateShare(), options.force())) {
            throw new ConflictException(
                    "The import would deactivate " + plan.deactivate().size() + " of "
                            + plan.activeBefore()
                            + " active people, more than "
                            + Math.round(properties.people().maxDeactivateShare() * 100)
                            + "%; nothing was changed. Send force=true to deactivate them anyway.");
        }
        return new PlannedImport(plan, options, rows.size());
    }

    /**
     * The second half: hashes the new passwords on all cores ({@code hashed} hears how many so far), writes
     * the plan in one unordered bulk, ends the sessions it asks for and audits it; a dry run only counts.
     */
    ImportResult apply(PlannedImport planned, String actorId, IntConsumer hashed) {
        ImportPlan plan = planned.plan();
        ImportResult result = plan.result(planned.options().dryRun());
        if (planned.options().dryRun() || plan.changesNothing()) {
            return result;
        }
        write(plan, hashesOfNewPasswords(plan, hashed));
        sessions.revokeAllOf(plan.sessionsToEnd());
        audit(plan, result, actorId);
        return result;
    }

    /** The id of each person created with a password to its hash. */
    private Map<String, String> hashesOfNewPasswords(ImportPlan plan, IntConsumer hashed) {
        List<ImportPlan.Create> withPassword =
                plan.creates().stream().filter(c -> c.password() != null).toList();
        List<String> hashes = hashing.hashAll(
                withPassword.stream().map(ImportPlan.Create::password).toList(), hashed);
        Map<String, String> hashOf = new HashMap<>();
        for (int i = 0; i < withPassword.size(); i++) {
            hashOf.put(withPassword.get(i).id(), hashes.get(i));
        }
        return hashOf;
    }

    /** The plan's changes in one unordered bulk; {@code hashOf}: the new people's password hashes by id. */
    private void write(ImportPlan plan, Map<String, String> hashOf) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Person.class);
        if (!plan.creates().isEmpty()) {
            bulk.insert(plan.creates().stream()
                    .map(c -> new Person(
                            c.id(),
                            c.email(),
                            c.name(),
                            c.managerId(),
                            c.grantedRoles(),
                            hashOf.get(c.id()),
                            null,
                            null,
                            null))
                    .toList());
        }
        plan.changes()
                .forEach(c -> bulk.updateOne(
                        Query.query(where("_id").is(c.id())),
                        new Update()
                                .set("name", c.name())
                                .set("managerId", c.managerId())
                                .set("grantedRoles", c.grantedRoles())
                                .unset("deactivatedAt")));
        Instant now = clock.instant();
        plan.deactivate()
                .forEach(id -> bulk.updateOne(
                        Query.query(where("_id").is(id).and("deactivatedAt").is(null)),
                        new Update().set("deactivatedAt", now)));
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            // only a concurrent import creating the same email can fail a row here
            throw new ConflictException("A concurrent import changed the same people; retry.");
        }
    }

    /** The import as a whole, then per person each password set, role change and deactivation. */
    private void audit(ImportPlan plan, ImportResult result, String actorId) {
        audit.record(
                actorId,
                AuditActions.PEOPLE_IMPORTED,
                AuditActions.PEOPLE,
                null,
                Map.of(
                        "created",
                        result.created(),
                        "updated",
                        result.updated(),
                        "deactivated",
                        result.deactivated(),
                        "passwordsSet",
                        plan.passwordsSet().size(),
                        "warnings",
                        plan.warnings().size()));
        plan.passwordsSet()
                .forEach(id -> audit.record(
                        actorId, AuditActions.PASSWORD_SET, AuditActions.PERSON, id, Map.of("by", "import")));
        plan.rolesChanged()
                .forEach((id, before) -> audit.record(
                        actorId,
                        AuditActions.ROLES_CHANGED,
                        AuditActions.PERSON,
                        id,
                        Map.of("oldGrantedRoles", before, "by", "import")));
        plan.deactivate()
                .forEach(id -> audit.record(
                        actorId, AuditActions.PERSON_DEACTIVATED, AuditActions.PERSON, id, Map.of("by", "import")));
    }

    /** Whether nobody is stored yet: the database a bootstrap administrator is created in. */
    boolean nobodyYet() {
        return mongo.estimatedCount(Person.class) == 0;
    }

    /** Creates the first administrator on an empty database; a racing instance loses on the unique email. */
    boolean bootstrapAdmin(String email, String password) {
        if (!nobodyYet()) {
            return false;
        }
        try {
            mongo.insert(new Person(
                    UUID.randomUUID().toString(),
                    Emails.normalise(email),
                    "Administrator",
                    null,
                    List.of(Roles.ADMIN),
                    encoder.encode(password),
                    null,
                    null,
                    null));
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
        return new PersonView(person.id(), person.email(), person.name(), roles, person.managerId(), person.active());
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
