package io.lead360.service;

import java.util.Locale;

/**
 * The one way an email address is compared in lead360: stripped and lower-cased with {@link Locale#ROOT}
 * (a Turkish default locale would turn "ILKA@" into "ılka@"). Stored emails are in this form.
 */
public final class Emails {

    private Emails() {}

    /** The normalised form of {@code email}; "" for null or blank. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
