package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsoLandingTest {

    @Test
    void theCodeTravelsInTheFragmentSoItNeverReachesAServer() {
        assertThat(SsoLanding.signedIn("a b&c=d")).hasToString("/#sso=a%20b%26c%3Dd");
        assertThat(SsoLanding.signedIn("abc").getRawQuery()).isNull();
    }

    @Test
    void refusalsNameTheirReason() {
        assertThat(SsoLanding.refused(SsoLanding.Reason.NOT_REGISTERED)).hasToString("/#sso-error=not-registered");
        assertThat(SsoLanding.refused(SsoLanding.Reason.FAILED)).hasToString("/#sso-error=failed");
    }
}
