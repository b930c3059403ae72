package io.lead360.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.Set;

/**
 * The package rules every service checks in its {@code ArchitectureTest}: features without cycles, domain
 * rules in plain Java, controllers that return no persistence types, Kafka only where a service says it
 * belongs, and a feature's {@code internal} package used only by that feature. Each rule takes the
 * service's root package; what differs between services (which classes are domain rules, which features
 * talk to Kafka) is the caller's argument.
 */
public final class ArchitectureRules {

    private static final String[] FRAMEWORK_PACKAGES = {
        "org.springframework..",
        "jakarta.servlet..",
        "org.bson..",
        "com.mongodb..",
        "org.apache.kafka..",
        "io.micrometer..",
        "reactor.."
    };

    private static final String[] KAFKA_PACKAGES = {"org.apache.kafka..", "org.springframework.kafka.."};

    private ArchitectureRules() {}

    /** The service's main classes, its tests left out. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No two feature packages (the first level below the root) depend on each other, directly or around. */
    public static ArchRule noCyclesBetweenFeatures(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a feature that needs another's work reaches it through a port it owns");
    }

    /** The named classes (scoring, anonymity, states, validators …) import nothing from Spring, web or storage. */
    public static ArchRule domainRulesArePlainJava(Class<?>... domainRules) {
        Set<String> names =
                Set.copyOf(Arrays.stream(domainRules).map(Class::getName).toList());
        return noClasses()
                .that(DescribedPredicate.describe(
                        "are domain rules " + names,
                        (JavaClass c) -> names.contains(
                                c.getName().contains("$")
                                        ? c.getName().substring(0, c.getName().indexOf('$'))
                                        : c.getName())))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORK_PACKAGES)
                .orShould()
                .dependOnClassesThat(persistenceTypes())
                .because("domain rules are plain Java with fast unit tests");
    }

    /** No controller method returns a stored document (or a collection, page or wrapper of one). */
    public static ArchRule controllersReturnNoPersistenceTypes() {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or()
                .areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.stereotype.Controller")
                .should(notReturn(persistenceTypes()))
                .because("controllers answer with views; the stored shape stays behind the feature");
    }

    /** Only the given feature packages (for example {@code ingest}) use Kafka's or Spring Kafka's classes. */
    public static ArchRule onlyTheseFeaturesTalkToKafka(String rootPackage, String... features) {
        String[] allowed =
                Arrays.stream(features).map(f -> rootPackage + "." + f + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KAFKA_PACKAGES)
                .because("the event pipeline has one home per service: " + String.join(", ", features));
    }

    /** A class in {@code <root>.<feature>.internal..} is used only from {@code <root>.<feature>..}. */
    public static ArchRule internalPartsStayInTheirFeature(String rootPackage) {
        return classes()
                .that()
                .resideInAPackage(rootPackage + ".*.internal..")
                .should(beUsedOnlyFromTheirFeature(rootPackage))
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> persistenceTypes() {
        return DescribedPredicate.describe(
                "persistence types (@Document records, org.bson documents)",
                c -> c.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")
                        || c.getName().equals("org.bson.Document")
                        || c.getName().equals("org.bson.BsonDocument"));
    }

    private static ArchCondition<JavaMethod> notReturn(DescribedPredicate<JavaClass> forbidden) {
        return new ArchCondition<>("not return " + forbidden.getDescription()) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                JavaType returned = method.getReturnType();
                boolean violates = returned.getAllInvolvedRawTypes().stream().anyMatch(forbidden);
                if (violates) {
                    events.add(SimpleConditionEvent.violated(
                            method, method.getFullName() + " returns " + returned.getName()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirFeature(String rootPackage) {
        return new ArchCondition<>("be used only from their own feature") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String feature = featureOf(rootPackage, internal.getPackageName());
                internal.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().startsWith(rootPackage)) {
                        return;
                    }
                    if (!feature.equals(featureOf(rootPackage, user.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String featureOf(String rootPackage, String packageName) {
        String rest =
                packageName.length() > rootPackage.length() ? packageName.substring(rootPackage.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
