/**
 * analytics-service's audit actions and its {@code GET /api/audit/reports}; the log, its query and its
 * entries are service-support's ({@code io.lead360.service.audit}).
 */
package io.lead360.analytics.audit;
