/**
 * The problem vocabulary of every lead360 service: the exceptions a feature throws, the invalid-field
 * record, the stable {@code type} of each kind of problem, and the one writer of problem+json bodies.
 */
package io.lead360.service.problem;
