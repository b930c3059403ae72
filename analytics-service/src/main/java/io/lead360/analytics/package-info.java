/**
 * analytics-service: builds leadership profiles from feedback-service's events and serves them under the
 * anonymity rules. Each package below is one feature; ArchitectureTest checks how they may depend on each other.
 */
package io.lead360.analytics;
