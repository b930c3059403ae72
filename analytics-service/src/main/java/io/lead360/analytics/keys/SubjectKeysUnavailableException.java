package io.lead360.analytics.keys;

/**
 * feedback-service could not say which keys the subjects have: unreachable, too slow, refusing
 * analytics' token or answering something unusable. Says nothing about the events waiting for the
 * keys, so they are retried until it answers, never dead-lettered. The message never carries a
 * key, a token or the answer's body.
 */
public class SubjectKeysUnavailableException extends RuntimeException {

    public SubjectKeysUnavailableException(String message) {
        super(message);
    }

    public SubjectKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
