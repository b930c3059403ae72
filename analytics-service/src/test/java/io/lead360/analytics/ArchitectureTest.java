package io.lead360.analytics;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.cycle.Questionnaire;
import io.lead360.analytics.organisation.Heatmap;
import io.lead360.analytics.profile.AnonymityPolicy;
import io.lead360.analytics.profile.ProfileCalculator;
import io.lead360.analytics.profile.SubjectInCycle;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.testsupport.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** analytics' package rules ({@link ArchitectureRules}), checked on its main classes. */
class ArchitectureTest {

    private static final String ROOT = "io.lead360.analytics";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.mainClasses(ROOT);
    }

    @Test
    void noCyclesBetweenFeatures() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(classes);
    }

    /** Scoring, anonymity, the heat map, the event checks and batching, cycle states and the read model. */
    @Test
    void domainRulesArePlainJava() throws ClassNotFoundException {
        ArchitectureRules.domainRulesArePlainJava(
                        ProfileCalculator.class,
                        AnonymityPolicy.class,
                        SubjectInCycle.class,
                        ProfileAggregate.class,
                        Heatmap.class,
                        Cycle.class,
                        CycleChange.class,
                        Questionnaire.class,
                        CollectionSet.class,
                        // package-private in ingest/
                        inRoot("ingest.EventValidation"),
                        inRoot("ingest.EventBatch"),
                        inRoot("ingest.EventSeals"))
                .check(classes);
    }

    @Test
    void controllersReturnNoPersistenceTypes() {
        ArchitectureRules.controllersReturnNoPersistenceTypes().check(classes);
    }

    @Test
    void onlyTheseFeaturesTalkToKafka() {
        ArchitectureRules.onlyTheseFeaturesTalkToKafka(ROOT, "ingest").check(classes);
    }

    @Test
    void internalPartsStayInTheirFeature() {
        ArchitectureRules.internalPartsStayInTheirFeature(ROOT).check(classes);
    }

    private static Class<?> inRoot(String name) throws ClassNotFoundException {
        return Class.forName(ROOT + "." + name);
    }
}
