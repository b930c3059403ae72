/**
 * Access tokens: the signing keys, the issuer, the key set at /.well-known/jwks.json and the decoder
 * that checks a bearer token (signature, claims, then the session through the SessionCheck port).
 */
package io.lead360.gateway.token;
