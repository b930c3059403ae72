/**
 * analytics' signing key and service token, and the subjects' keys fetched in bulk from feedback-service
 * and kept in memory only; the public half of the signing key is served at {@code /.well-known/jwks.json}.
 */
package io.lead360.analytics.keys;
