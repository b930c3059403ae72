/**
 * The read model profiles are computed from: raw counts per subject and cycle (ProfileAggregate) and
 * their store, to which the event pipeline applies each response exactly once.
 */
package io.lead360.analytics.profile.aggregate;
