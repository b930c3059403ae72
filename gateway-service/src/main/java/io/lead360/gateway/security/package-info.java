/**
 * The resource-server filter chain: which paths are public, which need a person's token, and the
 * 401 and 403 problems; the token check itself is token/'s decoder.
 */
package io.lead360.gateway.security;
