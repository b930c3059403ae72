/**
 * Sign-in with email and password: the endpoint, feedback-service's credential check, the throttle
 * that slows and locks repeated failures, and the client address it counts by.
 */
package io.lead360.gateway.signin;
