package io.lead360.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.lead360.analytics.keys.SubjectKeysUnavailableException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class TransientFailuresTest {

    @Test
    void mongoDbBeingUnreachableIsTransientHoweverDeepItIsWrapped() {
        var timeout = new MongoTimeoutException("Timed out while waiting for a server");
        var translated = new DataAccessResourceFailureException("Timed out", timeout);
        var batch = new BatchListenerFailedException("event 0 of the batch", translated, 0);

        assertThat(TransientFailures.isTransient(timeout)).isTrue();
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed", batch)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new MongoSocketOpenException(
                        "refused", new ServerAddress(), new IOException("Connection refused"))))
                .isTrue();
    }

    @Test
    void feedbackServiceUnableToHandOutKeysIsTransient() {
        var unavailable = new SubjectKeysUnavailableException("feedback-service's key endpoint answered 503");

        assertThat(TransientFailures.isTransient(unavailable)).isTrue();
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException(
                        "listener failed", new BatchListenerFailedException("event 3 of the batch", unavailable, 3))))
                .isTrue();
    }

    @Test
    void anInvalidEventOrABugIsNotTransient() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("not JSON")))
                .isFalse();
        assertThat(TransientFailures.isTransient(
                        new BatchListenerFailedException("bad", new IllegalStateException("bug"), 0)))
                .isFalse();
        assertThat(TransientFailures.isTransient(new InvalidEventException("broken seal: the seal does not open")))
                .isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
