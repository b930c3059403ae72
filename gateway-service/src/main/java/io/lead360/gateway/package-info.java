/**
 * The gateway: one public entrance that checks tokens, routes /api/** to feedback- and analytics-service
 * and answers sign-in and the web application itself; its settings are GatewayProperties.
 */
package io.lead360.gateway;
