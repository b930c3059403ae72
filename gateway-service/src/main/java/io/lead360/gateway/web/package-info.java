/**
 * The gateway's own web answers: problem details for its errors and the OpenAPI document of its
 * own endpoints.
 */
package io.lead360.gateway.web;
