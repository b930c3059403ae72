/**
 * Single sign-on with OpenID Connect providers: the providers list, the login flow, and the code
 * that the web application exchanges for lead360 tokens.
 */
package io.lead360.gateway.sso;
