package io.lead360.gateway.signin;

/** Unknown email or wrong password; deliberately does not say which. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("Invalid email or password");
    }
}
