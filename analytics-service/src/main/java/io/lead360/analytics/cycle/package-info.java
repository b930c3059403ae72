/**
 * What analytics knows of each feedback cycle (questionnaire, invitations, the close's tally, release),
 * built from the cycle events by guarded single-document updates, and the cycle states profiles are gated on.
 */
package io.lead360.analytics.cycle;
