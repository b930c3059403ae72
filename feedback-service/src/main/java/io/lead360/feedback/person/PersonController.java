package io.lead360.feedback.person;

import io.lead360.feedback.auth.Caller;
import io.lead360.service.problem.ForbiddenException;
import io.lead360.service.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(
        name = "People",
        description = "Who works with whom: the people of the organisation, their managers and roles, "
                + "imported by administrators")
class PersonController {

    static final String IMPORT_JSON_EXAMPLE = """
            [{"email":"lea.park@acme.test","name":"Lea Park","managerEmail":"mo.chen@acme.test",
              "roles":["EMPLOYEE"],"password":"optional-for-local-sign-in"},
             {"email":"mo.chen@acme.test","name":"Mo Chen","roles":["EMPLOYEE","ADMIN"]}]""";
    static final String IMPORT_CSV_EXAMPLE = """
            email,name,managerEmail,roles,password
            lea.park@acme.test,Lea Park,mo.chen@acme.test,EMPLOYEE,
            mo.chen@acme.test,Mo Chen,,EMPLOYEE;ADMIN,
            """;
    static final String IMPORT_RESULT_EXAMPLE = """
            {"created":1,"updated":1,"deactivated":0,"dryRun":false,
             "warnings":[{"row":1,"field":"password",
              "message":"ignored: an import never changes the password of someone who exists already"}]}""";

    static final String IMPORT_JOB_EXAMPLE = """
            {"id":"5f0c1d5e-8d43-4a43-a4c6-5a4f3b1f9d02","status":"RUNNING","people":4000,"passwords":4000,
             "hashed":1250,"createdAt":"2026-12-02T09:00:00Z","updatedAt":"2026-12-02T09:00:36Z"}""";
    /** Where a job started by an import is followed; its id is appended. */
    static final String IMPORTS = "/api/people/imports/";

    private final PersonService people;
    private final ImportJobs jobs;
    private final PeopleAdministration administration;

    PersonController(PersonService people, ImportJobs jobs, PeopleAdministration administration) {
        this.people = people;
        this.jobs = jobs;
        this.administration = administration;
    }

    @Operation(
            operationId = "getMe",
            summary = "Who am I",
            description =
                    "The signed-in person: id, email, name, roles and manager. Who may call it: anyone signed in.")
    @GetMapping("/me")
    PersonView me(Authentication authentication) {
        return people.get(authentication.getName());
    }

    @Operation(
            operationId = "listPeople",
            summary = "List the people",
            description = "Everyone in the organisation, each with `active`. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The people")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @GetMapping("/people")
    List<PersonView> list() {
        return people.list();
    }

    @Operation(
            operationId = "getPerson",
            summary = "Read a person",
            description = "One person. Who may call it: ADMIN, or the person themselves.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The person")
    @ApiResponse(
            responseCode = "403",
            description = "Another person than the caller, and the caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @GetMapping("/people/{id}")
    PersonView get(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.admin() && !caller.personId().equals(id)) {
            throw new ForbiddenException("Only an administrator or the person themselves may read this person");
        }
        return people.get(id);
    }

    /** Ends the person's access at once; 409 for oneself or the last active administrator. */
    @Operation(
            operationId = "deactivatePerson",
            summary = "Deactivate a person",
            description = "The person can no longer sign in and every session of theirs ends at once; what they "
                    + "gave as a rater stays counted. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The person, with `active` false")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @ApiResponse(responseCode = "409", description = "The caller themselves, or the last active administrator")
    @PostMapping("/people/{id}/deactivate")
    PersonView deactivate(@PathVariable String id, Authentication authentication) {
        return administration.deactivate(authentication.getName(), id);
    }

    /** {"ended": n}: every session of the person ends at once; they keep their account. */
    @Operation(
            operationId = "endSessionsOfPerson",
            summary = "Sign a person out everywhere",
            description = "Every session of the person ends at once (`{\"ended\": n}`); they keep their account "
                    + "and may sign in again. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "How many sessions ended")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @PostMapping("/people/{id}/sign-out")
    Map<String, Long> endSessions(@PathVariable String id, Authentication authentication) {
        return administration.endSessions(authentication.getName(), id);
    }

    @Operation(
            operationId = "activatePerson",
            summary = "Activate a person",
            description = "A deactivated person may sign in again. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The person, with `active` true")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @PostMapping("/people/{id}/activate")
    PersonView activate(@PathVariable String id, Authentication authentication) {
        return administration.activate(authentication.getName(), id);
    }

    record RolesChange(List<String> roles) {}

    /**
     * The document of both import handlers (JSON and CSV are one operation): springdoc reads the second
     * handler of an operation again, and would otherwise drop what only the first one said.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Operation(
            operationId = "importPeople",
            summary = "Import the organisation",
            description =
                    "Creates and updates people from a JSON array or CSV (`email,name,managerEmail,roles,password`; "
                            + "roles separated by `;`). All or nothing: a bad row (unknown `managerEmail`, a bad email, a "
                            + "reporting loop) rejects the whole import, naming the rows. Re-importing the same file changes "
                            + "nothing. A password is set only for a new person and never in production mode; for anyone else "
                            + "it is ignored with a warning. An import that sets more new passwords than "
                            + "`lead360.people.synchronous-import-passwords` (50) is checked at once (bad input: 400 or "
                            + "409, nothing started) and then answered 202 with a job to follow at `Location` "
                            + "(`GET /api/people/imports/{id}`). Who may call it: ADMIN.",
            parameters = {
                @Parameter(
                        name = "dryRun",
                        in = ParameterIn.QUERY,
                        description = "validate and count exactly like an import, save nothing"),
                @Parameter(
                        name = "deactivateMissing",
                        in = ParameterIn.QUERY,
                        description = "deactivate the active people missing from the file (never administrators)"),
                @Parameter(
                        name = "force",
                        in = ParameterIn.QUERY,
                        description = "allow `deactivateMissing` to deactivate more than 40 % of the active people")
            },
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        examples =
                                                @ExampleObject(
                                                        name = "people",
                                                        summary = "two people, one the other's manager",
                                                        value = IMPORT_JSON_EXAMPLE)),
                                @Content(
                                        mediaType = "text/csv",
                                        examples =
                                                @ExampleObject(
                                                        name = "csv",
                                                        summary = "the same people as CSV",
                                                        value = IMPORT_CSV_EXAMPLE))
                            }))
    @ApiResponse(
            responseCode = "200",
            description = "What the import did (or, as a dry run, would do)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ImportResult.class),
                            examples = @ExampleObject(name = "imported", value = IMPORT_RESULT_EXAMPLE)))
    @ApiResponse(
            responseCode = "202",
            description = "Valid, and so many passwords to hash that it runs as a job: follow `Location` until "
                    + "DONE (its `result` is what a 200 answers) or FAILED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ImportJobView.class),
                            examples = @ExampleObject(name = "running", value = IMPORT_JOB_EXAMPLE)))
    @ApiResponse(
            responseCode = "400",
            description = "Rows that break a rule; `errors` names each `row` and `field`; " + "nothing was imported")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(
            responseCode = "409",
            description = "`deactivateMissing` would deactivate more than 40 % of the active "
                    + "people; repeat with `force=true` if that is meant")
    @interface ImportPeople {}

    /** The person signs in again to get the new roles; 409 when no active administrator would remain. */
    @Operation(
            operationId = "changeRoles",
            summary = "Change a person's roles",
            description = "Sets EMPLOYEE and ADMIN; LEADER stays derived from the organisation. The person's sessions "
                    + "end, so the new roles apply from their next sign-in; audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The person with the new roles")
    @ApiResponse(responseCode = "400", description = "An unknown role")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @ApiResponse(
            responseCode = "409",
            description = "No active administrator would remain, or the caller would take " + "ADMIN from themselves")
    @PutMapping("/people/{id}/roles")
    PersonView changeRoles(@PathVariable String id, @RequestBody RolesChange body, Authentication authentication) {
        return administration.changeRoles(authentication.getName(), id, body.roles());
    }

    @ImportPeople
    @PostMapping(path = "/people/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importJson(
            @RequestBody List<ImportRow> rows,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean deactivateMissing,
            @RequestParam(defaultValue = "false") boolean force,
            Authentication authentication) {
        return imported(
                people.plan(
                        rows,
                        new ImportOptions(dryRun, deactivateMissing, force),
                        ImportSource.JSON,
                        authentication.getName()),
                authentication.getName());
    }

    @ImportPeople
    @PostMapping(path = "/people/import", consumes = "text/csv")
    ResponseEntity<?> importCsv(
            @RequestBody String csv,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean deactivateMissing,
            @RequestParam(defaultValue = "false") boolean force,
            Authentication authentication) {
        PeopleCsv.Parsed file = PeopleCsv.parse(csv);
        return imported(
                people.plan(
                        file.rows(),
                        new ImportOptions(dryRun, deactivateMissing, force),
                        file.source(),
                        authentication.getName()),
                authentication.getName());
    }

    /** A checked import, applied now (200) or, with many passwords to hash, as a job (202). */
    private ResponseEntity<?> imported(PersonService.PlannedImport planned, String actorId) {
        if (!jobs.runsAsJob(planned)) {
            return ResponseEntity.ok(people.apply(planned, actorId, hashed -> {}));
        }
        ImportJobView job = jobs.start(planned, actorId);
        // relative: the gateway in front answers for this service's address
        return ResponseEntity.accepted()
                .location(URI.create(IMPORTS + job.id()))
                .body(job);
    }

    @Operation(
            operationId = "getPeopleImport",
            summary = "Follow an import job",
            description = "An import answered 202: RUNNING with `hashed` of `passwords`, then DONE with `result` "
                    + "(what a 200 import answers) or FAILED with `problem`; a job whose instance stopped is "
                    + "FAILED. Kept a day (`lead360.people.import-jobs-kept-for`). Who may call it: ADMIN (any "
                    + "administrator, not only the one who started it).")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The job")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such job, or it expired")
    @GetMapping("/people/imports/{id}")
    ImportJobView importJob(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No import job " + id));
    }
}
