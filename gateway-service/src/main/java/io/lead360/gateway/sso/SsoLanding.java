package io.lead360.gateway.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the browser lands after the provider's login: the web application, with the outcome in the
 * fragment. A fragment never reaches a server or a Referer header, so the single-use code is seen by
 * the page alone, which exchanges it at POST /api/auth/sso/token.
 */
final class SsoLanding {

    /** Why a sign-in did not succeed; the value is what the page receives after {@code #sso-error=}. */
    enum Reason {
        /** no active person has the email the provider gave */
        NOT_REGISTERED("not-registered"),
        /** the provider gave no usable email */
        NO_EMAIL("no-email"),
        /** the provider does not vouch for the email */
        EMAIL_NOT_VERIFIED("email-not-verified"),
        /** the provider's login failed or was cancelled, or its answer did not check out */
        FAILED("failed"),
        /** the provider or feedback-service could not be reached */
        UNAVAILABLE("unavailable");

        private final String value;

        Reason(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    private SsoLanding() {}

    static URI signedIn(String code) {
        // %20 rather than '+': the page decodes with decodeURIComponent, which leaves '+' alone
        return URI.create(
                "/#sso=" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static URI refused(Reason reason) {
        return URI.create("/#sso-error=" + reason.value());
    }
}
