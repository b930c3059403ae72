package io.lead360.feedback.auth;

/** Role names as they appear in tokens (authorities carry the ROLE_ prefix). */
public final class Roles {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String LEADER = "LEADER";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    private Roles() {}
}
