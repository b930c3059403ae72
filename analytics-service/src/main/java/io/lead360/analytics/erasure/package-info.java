/**
 * The final list of erased people: every write about a person is checked against it, so that an erasure
 * stays final whatever order events (live, late or replayed) arrive in.
 */
package io.lead360.analytics.erasure;
