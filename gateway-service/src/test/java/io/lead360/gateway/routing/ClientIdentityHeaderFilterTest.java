package io.lead360.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIdentityHeaderFilterTest {

    @Test
    void identityHeaderFamiliesAreRecognisedInAnyCase() {
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("X-User-Id")).isTrue();
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("x-lead360-tenant"))
                .isTrue();
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("X-FORWARDED-USER"))
                .isTrue();
    }

    @Test
    void ordinaryHeadersAreLeftAlone() {
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("Authorization")).isFalse();
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("X-Request-Id")).isFalse();
        assertThat(ClientIdentityHeaderFilter.isIdentityHeader("X-Forwarded-For"))
                .isFalse();
    }
}
