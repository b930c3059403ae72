package io.lead360.feedback.template;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.template.Template.Competency;
import io.lead360.feedback.template.Template.Item;
import io.lead360.feedback.template.Template.OpenQuestion;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The questionnaires: the built-in leadership model of DESIGN.md (in code, immutable) and the
 * administrators' own (in MongoDB, changeable until a cycle using them opens).
 */
@Component
public class Templates {

    private final MongoTemplate mongo;
    private final Clock clock;

    Templates(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static final String LEADERSHIP_360 = "leadership-360";

    private static final Template LEADERSHIP = new Template(
            LEADERSHIP_360,
            "Leadership 360",
            List.of(
                    competency(
                            "TRUST",
                            "Trust",
                            "trust",
                            item("trusts me to make decisions in my area", false),
                            item("lets the team work autonomously", false),
                            item("second-guesses decisions the team has made", true)),
                    competency(
                            "DELEGATION",
                            "Delegation",
                            "delegation",
                            item("delegates whole responsibilities, not just tasks", false),
                            item("sets clear goals when delegating", false),
                            item("takes work back when it gets hard", true)),
                    competency(
                            "EMPOWERMENT",
                            "Empowerment",
                            "empowerment",
                            item("gives me room to learn from mistakes", false),
                            item("prescribes every step of how I work", true),
                            item("jumps in and does the work for the team", true)),
                    competency(
                            "RECEPTIVENESS",
                            "Receptiveness to feedback",
                            "receptiveness",
                            item("asks for feedback on their own leadership", false),
                            item("responds to criticism without defensiveness", false),
                            item("visibly changes after feedback", false)),
                    competency(
                            "VISIBILITY",
                            "Visibility",
                            "visibility",
                            item("is visible and approachable", false),
                            item("is available when I need guidance", false),
                            item("knows what is happening on the ground", false)),
                    competency(
                            "VISION",
                            "Vision",
                            "vision",
                            item("communicates where we are going and why", false),
                            item("inspires me to push past boundaries", false),
                            item("keeps us focused on what matters", false)),
                    competency(
                            "DEVELOPMENT",
                            "Developing people",
                            "development",
                            item("helps me grow new skills", false),
                            item("knows and uses my strengths", false),
                            item("encourages me to bring my own ideas", false))),
            List.of(
                    new OpenQuestion("start", "What should this leader start doing?"),
                    new OpenQuestion("stop", "What should this leader stop doing?"),
                    new OpenQuestion("continue", "What should this leader continue doing?")));

    public List<Template> all() {
        List<Template> all = new ArrayList<>();
        all.add(LEADERSHIP);
        mongo.find(new Query().with(Sort.by("createdAt", "_id")), StoredTemplate.class)
                .forEach(t -> all.add(t.template()));
        return all;
    }

    public Optional<Template> find(String id) {
        if (LEADERSHIP_360.equals(id)) {
            return Optional.of(LEADERSHIP);
        }
        return Optional.ofNullable(id == null ? null : mongo.findById(id, StoredTemplate.class))
                .map(StoredTemplate::template);
    }

    /** A new template, or with {@code basedOn} the next version of an existing one. */
    Template create(NewTemplate body) {
        List<InvalidField> errors = new ArrayList<>(TemplateValidator.validate(body));
        Template base = null;
        if (body != null && body.basedOn() != null) {
            base = find(body.basedOn()).orElse(null);
            if (base == null) {
                errors.add(InvalidField.field("basedOn", "unknown template " + body.basedOn()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The template is invalid", errors);
        }
        StoredTemplate stored = new StoredTemplate(
                UUID.randomUUID().toString(),
                body.name().strip(),
                base == null ? 1 : base.version() + 1,
                base == null ? null : base.id(),
                body.templateCompetencies(),
                body.openQuestions() == null ? List.of() : body.openQuestions(),
                false,
                clock.instant());
        return mongo.insert(stored).template();
    }

    /**
     * Changes a template in place, only while no cycle using it has opened: the update is
     * conditional on the lock that opening a cycle sets, so the two cannot interleave.
     */
    Template update(String id, NewTemplate body) {
        if (LEADERSHIP_360.equals(id)) {
            throw new ConflictException("The built-in template never changes; create a new version with "
                    + "POST /api/templates and \"basedOn\":\"" + id + "\"");
        }
        StoredTemplate existing = mongo.findById(id, StoredTemplate.class);
        if (existing == null) {
            throw new NotFoundException("No template " + id);
        }
        List<InvalidField> errors = TemplateValidator.validate(body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The template is invalid", errors);
        }
        Update update = new Update()
                .set("name", body.name().strip())
                .set("competencies", body.templateCompetencies())
                .set("openQuestions", body.openQuestions() == null ? List.of() : body.openQuestions());
        if (mongo.updateFirst(Query.query(where("_id").is(id).and("locked").ne(true)), update, StoredTemplate.class)
                        .getMatchedCount()
                == 0) {
            throw new ConflictException("Template " + id + " is used by an opened cycle and can no longer change; "
                    + "create a new version with POST /api/templates and \"basedOn\":\"" + id + "\"");
        }
        return find(id).orElseThrow();
    }

    /** Called before a cycle opens with this template: from now on it never changes. */
    public void lock(String id) {
        if (!LEADERSHIP_360.equals(id)) {
            mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("locked", true), StoredTemplate.class);
        }
    }

    public static Template leadership360() {
        return LEADERSHIP;
    }

    private record Draft(String text, boolean reverse) {}

    private static Draft item(String text, boolean reverse) {
        return new Draft(text, reverse);
    }

    /** Item ids are the prefix and the 1-based position: trust-1, trust-2, ... */
    private static Competency competency(String key, String name, String prefix, Draft... drafts) {
        Item[] items = new Item[drafts.length];
        for (int i = 0; i < drafts.length; i++) {
            items[i] = new Item(prefix + "-" + (i + 1), drafts[i].text(), drafts[i].reverse());
        }
        return new Competency(key, name, List.of(items));
    }
}
