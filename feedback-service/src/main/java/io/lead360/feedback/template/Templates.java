package io.lead360.feedback.template;

import io.lead360.feedback.template.Template.Competency;
import io.lead360.feedback.template.Template.Item;
import io.lead360.feedback.template.Template.OpenQuestion;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The built-in questionnaires; today only the leadership model of DESIGN.md. */
@Component
public class Templates {

    public static final String LEADERSHIP_360 = "leadership-360";

    private static final Template LEADERSHIP = new Template(LEADERSHIP_360, "Leadership 360",
            List.of(
                    competency("TRUST", "Trust", "trust",
                            item("trusts me to make decisions in my area", false),
                            item("lets the team work autonomously", false),
                            item("second-guesses decisions the team has made", true)),
                    competency("DELEGATION", "Delegation", "delegation",
                            item("delegates whole responsibilities, not just tasks", false),
                            item("sets clear goals when delegating", false),
                            item("takes work back when it gets hard", true)),
                    competency("EMPOWERMENT", "Empowerment", "empowerment",
                            item("gives me room to learn from mistakes", false),
                            item("prescribes every step of how I work", true),
                            item("jumps in and does the work for the team", true)),
                    competency("RECEPTIVENESS", "Receptiveness to feedback", "receptiveness",
                            item("asks for feedback on their own leadership", false),
                            item("responds to criticism without defensiveness", false),
                            item("visibly changes after feedback", false)),
                    competency("VISIBILITY", "Visibility", "visibility",
                            item("is visible and approachable", false),
                            item("is available when I need guidance", false),
                            item("knows what is happening on the ground", false)),
                    competency("VISION", "Vision", "vision",
                            item("communicates where we are going and why", false),
                            item("inspires me to push past boundaries", false),
                            item("keeps us focused on what matters", false)),
                    competency("DEVELOPMENT", "Developing people", "development",
                            item("helps me grow new skills", false),
                            item("knows and uses my strengths", false),
                            item("encourages me to bring my own ideas", false))),
            List.of(
                    new OpenQuestion("start", "What should this leader start doing?"),
                    new OpenQuestion("stop", "What should this leader stop doing?"),
                    new OpenQuestion("continue", "What should this leader continue doing?")));

    public List<Template> all() {
        return List.of(LEADERSHIP);
    }

    public Optional<Template> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static Template leadership360() {
        return LEADERSHIP;
    }

    private record Draft(String text, boolean reverse) {
    }

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
