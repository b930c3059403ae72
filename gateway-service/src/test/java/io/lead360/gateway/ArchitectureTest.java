package io.lead360.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.lead360.gateway.signin.SignInThrottle;
import io.lead360.gateway.token.SigningKeys;
import io.lead360.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The package rules of issue 13, checked against the gateway's main classes (see test-support's ArchitectureRules). */
class ArchitectureTest {

    private static final String ROOT = "io.lead360.gateway";
    private static final JavaClasses classes = ArchitectureRules.mainClasses(ROOT);

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(classes);
    }

    /**
     * The gateway's plain rules: token buckets, the sign-in throttle, the SSO email and landing rules, the
     * signing keys. ClientAddress is not one of them: it reads the request itself (a ServerWebExchange).
     */
    @Test
    void domainRulesArePlainJava() {
        ArchitectureRules.domainRulesArePlainJava(
                        type("ratelimit.TokenBucket"),
                        SignInThrottle.class,
                        type("sso.SignInEmail"),
                        type("sso.SsoLanding"),
                        SigningKeys.class)
                .check(classes);
    }

    /** By name: these rules are package-private to their feature; a renamed one fails here with its name. */
    private static Class<?> type(String name) {
        try {
            return Class.forName(ROOT + "." + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no domain rule " + name, e);
        }
    }

    @Test
    void controllersReturnNoPersistenceTypes() {
        ArchitectureRules.controllersReturnNoPersistenceTypes().check(classes);
    }

    /** The gateway publishes and consumes no events: no feature of it may talk to Kafka. */
    @Test
    void nothingTalksToKafka() {
        ArchitectureRules.onlyTheseFeaturesTalkToKafka(ROOT).check(classes);
    }

    @Test
    void internalPartsStayInTheirFeature() {
        ArchitectureRules.internalPartsStayInTheirFeature(ROOT).check(classes);
    }
}
