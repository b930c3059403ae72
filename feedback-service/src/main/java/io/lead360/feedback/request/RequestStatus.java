package io.lead360.feedback.request;

public enum RequestStatus {
    PENDING,
    SUBMITTED,
    DECLINED
}
