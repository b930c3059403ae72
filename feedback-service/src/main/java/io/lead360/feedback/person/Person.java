package io.lead360.feedback.person;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person as stored. {@code grantedRoles} holds only what an administrator granted (ADMIN);
 * EMPLOYEE is implied and LEADER derived, see {@link PersonService#rolesOf}. A person with
 * {@code deactivatedAt} set can no longer sign in and gets no new feedback requests. {@code language}
 * (e.g. "de") chooses the language of their mails; {@code remindersOff} is their own choice to get no
 * reminder mails.
 */
@Document(Person.COLLECTION)
record Person(
        @Id String id,
        String email,
        String name,
        String managerId,
        List<String> grantedRoles,
        String passwordHash,
        Instant deactivatedAt,
        String language,
        Boolean remindersOff) {

    static final String COLLECTION = "people";

    boolean active() {
        return deactivatedAt == null;
    }
}
