package io.lead360.analytics.ingest;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.lead360.analytics.keys.SubjectKeysUnavailableException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the infrastructure (MongoDB unreachable, timing out, failing over;
 * feedback-service unable to hand out the subject keys), which passes by itself, from a failure of
 * the event. An event that failed only because the store or the keys were unavailable is valid: it
 * must be retried until they are back, never dead-lettered.
 */
public final class TransientFailures {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            DataAccessResourceFailureException.class,
            TransientDataAccessException.class,
            MongoTimeoutException.class,
            MongoSocketException.class,
            MongoServerUnavailableException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            SubjectKeysUnavailableException.class);

    private TransientFailures() {}

    /** True when the failure, or anything it was caused by, says the infrastructure was unavailable. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
