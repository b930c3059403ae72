package io.lead360.feedback.auth;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.lead360.service.StoreUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * A valid signature is not enough: a person's token must name (claim {@code sid}) a live session of
 * that same person, so that sign-out, deactivation and role changes end access at once instead of
 * when the token expires. Runs right after the JWT is verified; one read by id. The gateway's SERVICE
 * token has no session and is exempt.
 */
final class LiveSessionCheck implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String SESSION_CLAIM = "sid";

    private final Converter<Jwt, ? extends AbstractAuthenticationToken> delegate;
    private final Sessions sessions;

    LiveSessionCheck(Converter<Jwt, ? extends AbstractAuthenticationToken> delegate, Sessions sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AbstractAuthenticationToken authentication = delegate.convert(jwt);
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.contains(Roles.SERVICE)) {
            return authentication;
        }
        boolean live;
        try {
            live = sessions.isLive(jwt.getClaimAsString(SESSION_CLAIM), jwt.getSubject());
        } catch (DataAccessResourceFailureException | MongoTimeoutException | MongoSocketException e) {
            throw new StoreDown(e);
        }
        if (!live) {
            throw new InvalidBearerTokenException("The session of this token has ended");
        }
        return authentication;
    }

    /** MongoDB is away: not the caller's fault, so 503 (as the controllers answer), not 401. */
    static final class StoreDown extends AuthenticationException {

        StoreDown(Exception cause) {
            super("The session store is unavailable", cause);
        }
    }

    /** Answers {@link StoreDown} with the services' 503 problem, everything else as {@code delegate} does. */
    record EntryPoint(AuthenticationEntryPoint delegate, JsonMapper json) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, jakarta.servlet.ServletException {
            if (!(e instanceof StoreDown down)) {
                delegate.commence(request, response, e);
                return;
            }
            ResponseEntity<ProblemDetail> problem = StoreUnavailable.response((Exception) down.getCause());
            response.setStatus(problem.getStatusCode().value());
            problem.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.setHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
            problem.getBody().setInstance(java.net.URI.create(request.getRequestURI()));
            response.getOutputStream().write(json.writeValueAsBytes(problem.getBody()));
        }
    }
}
