package io.lead360.feedback.person;

import io.lead360.feedback.auth.PersonDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The people feature's side of sign-in's {@link PersonDirectory}: answers from {@link PersonService}. */
@Component
class SignInDirectory implements PersonDirectory {

    private final PersonService people;

    SignInDirectory(PersonService people) {
        this.people = people;
    }

    @Override
    public Optional<Identity> verify(String email, String password) {
        return people.verify(email, password).map(SignInDirectory::identity);
    }

    @Override
    public Optional<Identity> findActive(String personId) {
        return people.findActive(personId).map(SignInDirectory::identity);
    }

    @Override
    public Optional<Identity> findActiveByEmail(String email) {
        return people.findActiveByEmail(email).map(SignInDirectory::identity);
    }

    private static Identity identity(PersonView p) {
        return new Identity(p.id(), p.email(), p.name(), p.roles(), p.managerId());
    }
}
