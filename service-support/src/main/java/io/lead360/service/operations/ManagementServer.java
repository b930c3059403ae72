package io.lead360.service.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management port of feedback- and analytics-service: health with details, Prometheus, metrics and
 * info for the operator. Spring Boot serves it from a child context on its own port, and registers the
 * application's Spring Security filter chain there too, so the application's rules would apply (a
 * token for every scrape). This chain comes first and answers only requests that port serves:
 * actuator endpoints open, anything else 404 problem+json. The port is bound to loopback unless the operator
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

    private ManagementServer() {}

    public static SecurityFilterChain securityChain(HttpSecurity http, JsonMapper json) throws Exception {
        NotHere notHere = new NotHere(json);
        return http.securityMatcher(ManagementServer::servedByTheManagementServer)
                .authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(notHere).accessDeniedHandler(notHere))
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
        WebApplicationContext context =
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null
                && WebServerApplicationContext.hasServerNamespace(context, WebServerNamespace.MANAGEMENT.getValue());
    }

    /** Anything but an actuator endpoint on the management port: 404 problem+json, as on the application port. */
    private record NotHere(JsonMapper json) implements AuthenticationEntryPoint, AccessDeniedHandler {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            write(response);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            write(response);
        }

        private void write(HttpServletResponse response) throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", HttpStatus.NOT_FOUND.getReasonPhrase());
            body.put("status", HttpStatus.NOT_FOUND.value());
            body.put("detail", "The management port serves actuator endpoints only");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(body));
        }
    }
}
