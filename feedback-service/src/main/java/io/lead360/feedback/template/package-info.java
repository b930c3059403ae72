/**
 * Questionnaire templates: competencies, items and open questions (TemplateValidator); locked once a cycle
 * has opened with them.
 */
package io.lead360.feedback.template;
