package io.lead360.gateway.token;

/**
 * The OpenAPI tag of the endpoints the gateway answers itself for signing in (sign-in, refresh,
 * sign-out and the key set), written once so that the controllers in token/, signin/ and session/ share it.
 */
public final class SignInApi {

    public static final String TAG = "Sign-in";
    public static final String DESCRIPTION =
            "Access tokens (RS256 JWTs, 15 minutes) and single-use refresh tokens for a "
                    + "session that ends when signed out, after 12 hours, after an hour without a refresh, or when an "
                    + "administrator deactivates the person or changes their roles";

    private SignInApi() {}
}
