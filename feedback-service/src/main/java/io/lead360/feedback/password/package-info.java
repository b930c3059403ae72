/**
 * Setting a password from a single-use link: asked for by address ("forgot my password"), or sent with
 * the invitation of someone who has none.
 */
package io.lead360.feedback.password;
