package io.lead360.analytics.profile;

import io.lead360.analytics.profile.aggregate.ProfileAggregate;

/** The worked example of {@link ProfileCalculatorTest}, for tests in other packages. */
public final class WorkedExample {

    private WorkedExample() {}

    /** Peers below the threshold of 3, with the comment "peer secret". */
    public static ProfileAggregate aggregate() {
        return ProfileCalculatorTest.example(ProfileCalculatorTest.LOW_PEERS);
    }

    public static SubjectInCycle subject() {
        return ProfileCalculatorTest.subject(3);
    }
}
