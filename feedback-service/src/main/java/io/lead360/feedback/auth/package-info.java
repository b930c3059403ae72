/**
 * Sign-in and sessions: the gateway's sign-in backend, refresh-token rotation, single sign-on codes,
 * and who the caller is (roles, the service-token filter chain); people are reached through PersonDirectory.
 */
package io.lead360.feedback.auth;
