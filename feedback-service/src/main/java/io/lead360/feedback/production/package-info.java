/**
 * Production mode: the start-up guard that refuses missing or demo secrets (the bootstrap administrator's
 * password, the data key file) before any bean is created.
 */
package io.lead360.feedback.production;
