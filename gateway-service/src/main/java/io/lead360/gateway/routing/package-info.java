/**
 * What happens to routed requests: identity headers stripped, internal paths refused, body limits,
 * circuit breakers and the fallback problem when a service is down.
 */
package io.lead360.gateway.routing;
