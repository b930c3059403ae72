package io.lead360.feedback.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.auth.Roles;
import io.lead360.feedback.auth.Sessions;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * An administrator deactivates, reactivates or changes the roles of one person. Access ends at once:
 * every session of the person is revoked (access tokens are checked against their session on each
 * call). Each change is audited.
 */
@Service
class PeopleAdministration {

    private final MongoTemplate mongo;
    private final PersonService people;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    PeopleAdministration(MongoTemplate mongo, PersonService people, Sessions sessions, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.people = people;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    PersonView deactivate(String actorId, String id) {
        Person person = load(id);
        AdministratorRules.mayDeactivate(actorId, id, isActiveAdmin(person), activeAdmins())
                .ifPresent(reason -> {
                    throw new ConflictException(reason);
                });
        Person before = mongo.findAndModify(
                Query.query(where("_id").is(id)), new Update().set("deactivatedAt", clock.instant()), Person.class);
        // two administrators deactivating each other at the same moment: the check above passed for both
        if (isActiveAdmin(person) && activeAdmins() == 0) {
            mongo.updateFirst(Query.query(where("_id").is(id)), new Update().unset("deactivatedAt"), Person.class);
            throw new ConflictException(
                    "This is the last active administrator; make someone else an administrator first");
        }
        sessions.revokeAllOf(List.of(id));
        if (before != null && before.active()) {
            audit.record(actorId, AuditActions.PERSON_DEACTIVATED, "PERSON", id, Map.of());
        }
        return people.get(id);
    }

    /** Ends every session of the person (a lost laptop, a suspicion): they must sign in again. */
    Map<String, Long> endSessions(String actorId, String id) {
        load(id);
        long ended = sessions.revokeAllOf(List.of(id));
        audit.record(actorId, AuditActions.SESSIONS_ENDED, "PERSON", id, Map.of("ended", ended));
        return Map.of("ended", ended);
    }

    PersonView activate(String actorId, String id) {
        Person before = mongo.findAndModify(
                Query.query(where("_id").is(id)), new Update().unset("deactivatedAt"), Person.class);
        if (before == null) {
            throw new NotFoundException("No person " + id);
        }
        if (!before.active()) {
            audit.record(actorId, AuditActions.PERSON_ACTIVATED, "PERSON", id, Map.of());
        }
        return people.get(id);
    }

    PersonView changeRoles(String actorId, String id, List<String> requested) {
        List<InvalidField> errors = new ArrayList<>();
        List<String> roles = AdministratorRules.parseRoles(requested, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid roles", errors);
        }
        Person person = load(id);
        List<String> granted = AdministratorRules.granted(roles);
        AdministratorRules.mayChangeRoles(
                        actorId, id, isActiveAdmin(person), granted.contains(Roles.ADMIN), activeAdmins())
                .ifPresent(reason -> {
                    throw new ConflictException(reason);
                });
        List<String> oldRoles = people.get(id).roles();
        Person before = mongo.findAndModify(
                Query.query(where("_id").is(id)),
                new Update().set("grantedRoles", granted),
                FindAndModifyOptions.options().returnNew(false),
                Person.class);
        if (before == null) {
            throw new NotFoundException("No person " + id);
        }
        if (isActiveAdmin(person) && activeAdmins() == 0) {
            mongo.updateFirst(
                    Query.query(where("_id").is(id)),
                    new Update().set("grantedRoles", List.of(Roles.ADMIN)),
                    Person.class);
            throw new ConflictException(
                    "This is the last active administrator; make someone else an administrator first");
        }
        PersonView after = people.get(id);
        if (!Set.copyOf(nullToEmpty(before.grantedRoles())).equals(Set.copyOf(granted))) {
            // tokens carry roles: the person signs in again to get tokens with the new ones
            sessions.revokeAllOf(List.of(id));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("oldRoles", oldRoles);
            details.put("newRoles", after.roles());
            audit.record(actorId, AuditActions.ROLES_CHANGED, "PERSON", id, details);
        }
        return after;
    }

    private Person load(String id) {
        Person person = mongo.findById(id, Person.class);
        if (person == null) {
            throw new NotFoundException("No person " + id);
        }
        return person;
    }

    private static boolean isActiveAdmin(Person person) {
        return person.active() && nullToEmpty(person.grantedRoles()).contains(Roles.ADMIN);
    }

    private long activeAdmins() {
        return mongo.count(
                Query.query(where("grantedRoles")
                        .is(Roles.ADMIN)
                        .and("deactivatedAt")
                        .is(null)),
                Person.class);
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
