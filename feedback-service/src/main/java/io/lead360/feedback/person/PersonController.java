package io.lead360.feedback.person;

import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.web.ForbiddenException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api")
class PersonController {

    private final PersonService people;
    private final PeopleAdministration administration;

    PersonController(PersonService people, PeopleAdministration administration) {
        this.people = people;
        this.administration = administration;
    }

    @GetMapping("/me")
    PersonView me(Authentication authentication) {
        return people.get(authentication.getName());
    }

    @GetMapping("/people")
    List<PersonView> list() {
        return people.list();
    }

    @GetMapping("/people/{id}")
    PersonView get(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.admin() && !caller.personId().equals(id)) {
            throw new ForbiddenException("Only an administrator or the person themselves may read this person");
        }
        return people.get(id);
    }

    /** Ends the person's access at once; 409 for oneself or the last active administrator. */
    @PostMapping("/people/{id}/deactivate")
    PersonView deactivate(@PathVariable String id, Authentication authentication) {
        return administration.deactivate(authentication.getName(), id);
    }

    /** {"ended": n}: every session of the person ends at once; they keep their account. */
    @PostMapping("/people/{id}/sign-out")
    Map<String, Long> endSessions(@PathVariable String id, Authentication authentication) {
        return administration.endSessions(authentication.getName(), id);
    }

    @PostMapping("/people/{id}/activate")
    PersonView activate(@PathVariable String id, Authentication authentication) {
        return administration.activate(authentication.getName(), id);
    }

    record RolesChange(List<String> roles) {
    }

    /** The person signs in again to get the new roles; 409 when no active administrator would remain. */
    @PutMapping("/people/{id}/roles")
    PersonView changeRoles(@PathVariable String id, @RequestBody RolesChange body, Authentication authentication) {
        return administration.changeRoles(authentication.getName(), id, body.roles());
    }

    @PostMapping(path = "/people/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportResult importJson(@RequestBody List<ImportRow> rows,
                            @RequestParam(defaultValue = "false") boolean dryRun,
                            @RequestParam(defaultValue = "false") boolean deactivateMissing,
                            @RequestParam(defaultValue = "false") boolean force,
                            Authentication authentication) {
        return people.importPeople(rows, new ImportOptions(dryRun, deactivateMissing, force), authentication.getName());
    }

    @PostMapping(path = "/people/import", consumes = "text/csv")
    ImportResult importCsv(@RequestBody String csv,
                           @RequestParam(defaultValue = "false") boolean dryRun,
                           @RequestParam(defaultValue = "false") boolean deactivateMissing,
                           @RequestParam(defaultValue = "false") boolean force,
                           Authentication authentication) {
        PeopleCsv.Parsed file = PeopleCsv.parse(csv);
        return people.importPeople(file.rows(), new ImportOptions(dryRun, deactivateMissing, force),
                authentication.getName(), file.source());
    }
}
