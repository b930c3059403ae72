/**
 * A leader's profile as a PDF: the endpoint ({@code /api/profiles/{id}/report.pdf}) and the renderer,
 * which shows only what the profile (and so the anonymity policy) let through.
 */
package io.lead360.analytics.report;
