/**
 * The OpenAPI document of feedback-service's endpoints; problem+json answers are service-support's
 * ({@code io.lead360.service.problem}).
 */
package io.lead360.feedback.web;
