/**
 * A leader's 360 profile: who may see which profile when (ProfileService), and the plain-Java
 * scoring (ProfileCalculator) under the anonymity rules (AnonymityPolicy), computed on every read.
 */
package io.lead360.analytics.profile;
