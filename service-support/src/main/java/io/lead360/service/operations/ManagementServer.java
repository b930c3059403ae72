package io.lead360.service.operations;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port of feedback- and analytics-service: health with details, Prometheus, metrics and
 * info for the operator. Spring Boot serves it from a child context on its own port, and registers the
 * application's Spring Security filter chain there too, so the application's rules would apply (a
 * token for every scrape). This chain comes first and answers only requests that port serves:
 * actuator endpoints open, anything else refused. The port is bound to loopback unless the operator
 * says otherwise ({@code LEAD360_MANAGEMENT_ADDRESS}), is not routed by the gateway, and every endpoint
 * there is read-only ({@code management.endpoints.access.max-permitted}).
 *
 * <p>Requests to the application port never match here (they are not served by the management server),
 * and neither does anything when the management port is set to the application port: then the
 * application's chain refuses actuator paths like any other unknown path.
 */
public final class ManagementServer {

    /** Order of the chain: before every application chain. */
    public static final int CHAIN_ORDER = 0;

    private ManagementServer() {
    }

    public static SecurityFilterChain securityChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(ManagementServer::servedByTheManagementServer)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable()) // read-only endpoints, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** The liveness and readiness groups' additional paths on the application port ({@code /livez}, {@code /readyz}). */
    public static RequestMatcher probesOnTheApplicationPort() {
        return EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class);
    }

    static boolean servedByTheManagementServer(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context,
                WebServerNamespace.MANAGEMENT.getValue());
    }
}
