/**
 * Operations: the management port's access and the backlog metrics (outbox entries waiting, ballots
 * holding answers) an operator watches.
 */
package io.lead360.feedback.operations;
