/**
 * The service's settings ({@code lead360.*}, bound once as AnalyticsProperties) and its security chains;
 * what it shares with the other services comes from service-support. No feature's own beans live here.
 */
package io.lead360.analytics.config;
