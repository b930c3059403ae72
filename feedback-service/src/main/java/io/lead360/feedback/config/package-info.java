/**
 * The service's wiring that belongs to no one feature: its settings (FeedbackProperties), clock, Mongo
 * client and indexes, HTTP limits and the Mongo health check.
 */
package io.lead360.feedback.config;
