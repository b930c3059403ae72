package io.lead360.gateway.signin;

/** Unknown, expired, revoked or already used refresh token; deliberately does not say which. */
public class InvalidRefreshTokenException extends RuntimeException {

    public InvalidRefreshTokenException() {
        super("The refresh token is not valid; sign in again");
    }
}
