/**
 * The ballot box of each subject in a cycle: counts responses, holds the sealed answers without any
 * rater identity, seals at close (the cut) and publishes the answers in shuffled batches.
 */
package io.lead360.feedback.ballot;
