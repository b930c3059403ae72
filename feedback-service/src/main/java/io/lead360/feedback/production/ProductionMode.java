package io.lead360.feedback.production;

import java.util.ArrayList;
import java.util.List;

/**
 * What production mode ({@code LEAD360_PRODUCTION=true}) refuses: a bootstrap administrator password
 * that is missing, short, or the demo value everyone can read in the repository; a data key file that
 * does not exist yet (production never generates secrets) or holds no key.
 */
public final class ProductionMode {

    static final String DEMO_ADMIN_PASSWORD = "lead360-admin";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private ProductionMode() {}

    /** Every problem, each naming the setting to fix; empty when the service may start. */
    static List<String> problems(String bootstrapAdminPassword, java.nio.file.Path dataKeyFile) {
        List<String> problems = new ArrayList<>();
        io.lead360.feedback.keys.DataKey.problemWith(dataKeyFile).ifPresent(problems::add);
        if (bootstrapAdminPassword == null || bootstrapAdminPassword.isBlank()) {
            problems.add("LEAD360_BOOTSTRAP_ADMIN_PASSWORD (lead360.bootstrap-admin.password) is not set");
            return problems;
        }
        if (bootstrapAdminPassword.equals(DEMO_ADMIN_PASSWORD)) {
            problems.add("LEAD360_BOOTSTRAP_ADMIN_PASSWORD (lead360.bootstrap-admin.password) is the demo value "
                    + DEMO_ADMIN_PASSWORD);
        }
        if (bootstrapAdminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add("LEAD360_BOOTSTRAP_ADMIN_PASSWORD (lead360.bootstrap-admin.password) is shorter than "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        return problems;
    }
}
