/**
 * The organisation-wide view: a heat map of the competencies across a cycle's leaders, built only
 * from profiles the anonymity policy lets through.
 */
package io.lead360.analytics.organisation;
