/**
 * Sessions after sign-in: refresh with single-use refresh tokens, sign-out, and LiveSessions, which
 * asks feedback-service whether a token's session is still live, at most once a second per session
 * (RecentlyLive keeps a "live" answer for {@code lead360.auth.session-live-for}, fail closed after it).
 */
package io.lead360.gateway.session;
