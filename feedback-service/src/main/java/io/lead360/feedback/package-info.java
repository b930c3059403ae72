/**
 * feedback-service: people, cycles, requests and sealed ballots of 360-degree feedback; each package below is
 * one feature, and a feature that needs another's work reaches it through a port it owns.
 */
package io.lead360.feedback;
