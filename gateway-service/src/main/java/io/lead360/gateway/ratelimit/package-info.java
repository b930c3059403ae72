/**
 * Rate limits: token buckets in memory or in Redis, per person for submissions and per client
 * address for sign-in, answered with a 429 problem.
 */
package io.lead360.gateway.ratelimit;
