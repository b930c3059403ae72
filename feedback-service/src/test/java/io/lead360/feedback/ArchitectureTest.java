package io.lead360.feedback;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.lead360.testsupport.ArchitectureRules;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** feedback-service's package rules (see {@link ArchitectureRules}), checked on its main classes. */
class ArchitectureTest {

    private static final String ROOT = "io.lead360.feedback";
    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ROOT);

    /** Scoring, anonymity, cycle states, rater assignment, the validators and the other plain rules. */
    private static final String[] DOMAIN_RULES = {
        "auth.SessionPolicy",
        "ballot.BatchRule",
        "ballot.Participation",
        "cycle.CycleStatus",
        "cycle.NewCycleValidator",
        "cycle.RaterAssignment",
        "operations.Backlog",
        "person.AdministratorRules",
        "person.ImportPlan",
        "person.ImportValidator",
        "person.PeopleCsv",
        "production.ProductionMode",
        "request.ResponseValidator",
        "template.TemplateValidator"
    };

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }

    @Test
    void domainRulesArePlainJava() {
        ArchitectureRules.domainRulesArePlainJava(domainRules()).check(CLASSES);
    }

    @Test
    void controllersReturnNoPersistenceTypes() {
        ArchitectureRules.controllersReturnNoPersistenceTypes().check(CLASSES);
    }

    /** The outbox publishes cycle and erasure events, the ballots their batches of answers. */
    @Test
    void onlyTheOutboxAndTheBallotsTalkToKafka() {
        ArchitectureRules.onlyTheseFeaturesTalkToKafka(ROOT, "outbox", "ballot").check(CLASSES);
    }

    @Test
    void internalPartsStayInTheirFeature() {
        ArchitectureRules.internalPartsStayInTheirFeature(ROOT).check(CLASSES);
    }

    /** Most rules are package-private in their feature, so they are named here rather than imported. */
    private static Class<?>[] domainRules() {
        return Arrays.stream(DOMAIN_RULES)
                .map(name -> {
                    try {
                        return Class.forName(ROOT + "." + name);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("domain rule " + name + " no longer exists", e);
                    }
                })
                .toArray(Class<?>[]::new);
    }
}
