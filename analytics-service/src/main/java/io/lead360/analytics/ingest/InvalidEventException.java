package io.lead360.analytics.ingest;

/** A record value that is not a valid event: retrying cannot help, so it goes straight to the DLT. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
