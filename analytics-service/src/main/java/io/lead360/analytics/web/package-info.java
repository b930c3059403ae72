/**
 * What every HTTP answer shares: the OpenAPI document's common parts (bearer scheme, problem shape, the
 * errors any call can answer) and problem+json for the errors no feature answers itself.
 */
package io.lead360.analytics.web;
