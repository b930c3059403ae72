package io.lead360.analytics.profile.aggregate;

/** A bulk write failed for a reason other than "already applied"; names the first such event. */
public class BulkApplyException extends RuntimeException {

    private final int index;

    public BulkApplyException(int index, Throwable cause) {
        super("applying event " + index + " of the batch failed: " + cause.getMessage(), cause);
        this.index = index;
    }

    /** Position of the failed event in the list given to the bulk write. */
    public int index() {
        return index;
    }
}
