/**
 * The configuration every lead360 service shares: the one clock, the MongoDB client's fail-fast timeouts,
 * the request-body limits, and the {@code lead360.auth}/{@code lead360.mongo} properties they read.
 */
package io.lead360.service.config;
