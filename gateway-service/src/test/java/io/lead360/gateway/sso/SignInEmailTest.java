package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.sso.SignInEmail.Accepted;
import io.lead360.gateway.sso.SignInEmail.Refused;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInEmailTest {

    @Test
    void aVerifiedEmailIsUsedAsTheProviderGaveIt() {
        assertThat(SignInEmail.from(Map.of("email", " Lea.Park@Acme.test ", "email_verified", true), true))
                .isEqualTo(new Accepted("Lea.Park@Acme.test"));
    }

    @Test
    void anUnverifiedEmailSignsNobodyIn() {
        assertThat(SignInEmail.from(Map.of("email", "lea@acme.test", "email_verified", false), true))
                .isEqualTo(new Refused(SsoLanding.Reason.EMAIL_NOT_VERIFIED));
    }

    @Test
    void anEmailWithoutAVerificationClaimCountsAsUnverified() {
        assertThat(SignInEmail.from(Map.of("email", "lea@acme.test"), true))
                .isEqualTo(new Refused(SsoLanding.Reason.EMAIL_NOT_VERIFIED));
    }

    @Test
    void aVerificationClaimSentAsTextIsUnderstood() {
        assertThat(SignInEmail.from(Map.of("email", "lea@acme.test", "email_verified", "TRUE"), true))
                .isEqualTo(new Accepted("lea@acme.test"));
        assertThat(SignInEmail.from(Map.of("email", "lea@acme.test", "email_verified", "false"), true))
                .isEqualTo(new Refused(SsoLanding.Reason.EMAIL_NOT_VERIFIED));
    }

    @Test
    void theVerificationCanBeTurnedOffForProvidersThatNeverSendIt() {
        assertThat(SignInEmail.from(Map.of("email", "lea@acme.test"), false)).isEqualTo(new Accepted("lea@acme.test"));
    }

    @Test
    void noUsableEmailIsRefusedEvenWithoutVerification() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("email", null);
        for (Map<String, Object> claims : java.util.List.of(
                Map.<String, Object>of(),
                withNull,
                Map.<String, Object>of("email", ""),
                Map.<String, Object>of("email", "not-an-address"),
                Map.<String, Object>of("email", "@acme.test"),
                Map.<String, Object>of("email", "lea park@acme.test"),
                Map.<String, Object>of("email", 42),
                Map.<String, Object>of("email", "a@" + "x".repeat(SignInEmail.MAX_LENGTH)))) {
            assertThat(SignInEmail.from(claims, false))
                    .as(claims.toString())
                    .isEqualTo(new Refused(SsoLanding.Reason.NO_EMAIL));
        }
    }
}
