/**
 * Subject keys: one random key per rated person that seals everything about them leaving or resting
 * in feedback-service, wrapped at rest by the service's own data key; erasure destroys the key.
 */
package io.lead360.feedback.keys;
