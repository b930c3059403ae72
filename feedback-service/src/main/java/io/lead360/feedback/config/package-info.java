/**
 * The service's wiring that belongs to no one feature: its settings (FeedbackProperties), the MongoDB indexes
 * and health check; the clock, Mongo client timeouts and HTTP limits it shares are service-support's.
 */
package io.lead360.feedback.config;
