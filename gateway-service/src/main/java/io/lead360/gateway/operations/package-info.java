/**
 * The management port: actuator with details, Prometheus and the gateway's routes, on a port
 * of its own that the public port never serves.
 */
package io.lead360.gateway.operations;
