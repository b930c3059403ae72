/**
 * Sessions after sign-in: refresh with single-use refresh tokens, sign-out, and LiveSessions, which
 * asks feedback-service on every call whether a token's session is still live.
 */
package io.lead360.gateway.session;
