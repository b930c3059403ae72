/**
 * Which set of collections is active and which one a rebuild is building: one settings document
 * switched atomically, read by every store of the rebuildable read side.
 */
package io.lead360.analytics.storage;
