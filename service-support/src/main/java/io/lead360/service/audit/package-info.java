/**
 * The append-only audit log every lead360 service keeps: entries, the checked query of {@code GET /api/audit},
 * the log that writes and reads them, and the search a service's thin audit controller calls.
 */
package io.lead360.service.audit;
