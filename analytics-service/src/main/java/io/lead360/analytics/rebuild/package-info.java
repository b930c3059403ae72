/**
 * Rebuilding every profile from the topics into fresh collections and switching over atomically:
 * the job, its state and its ADMIN endpoint; the replay itself is the event pipeline's (TopicReplay).
 */
package io.lead360.analytics.rebuild;
