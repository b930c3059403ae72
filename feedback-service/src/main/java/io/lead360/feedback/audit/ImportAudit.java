package io.lead360.feedback.audit;

import io.lead360.feedback.person.ImportResult;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.Map;

/**
 * Records PEOPLE_IMPORTED for every import that saved something. The import lives in the person
 * feature, which stays unaware of auditing: a completed import is exactly a handler answering an
 * {@link ImportResult}, so this advice sees every one (a refused import answers a problem instead).
 */
@ControllerAdvice
class ImportAudit implements ResponseBodyAdvice<Object> {

    private final AuditLog log;

    ImportAudit(AuditLog log) {
        this.log = log;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return ImportResult.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // a dry run changes nothing, so it is not an administrator action worth a record
        if (body instanceof ImportResult result && !result.dryRun() && caller != null) {
            log.record(caller.getName(), AuditActions.PEOPLE_IMPORTED, AuditActions.PEOPLE, null,
                    Map.of("created", result.created(), "updated", result.updated(),
                            "deactivated", result.deactivated()));
        }
        return body;
    }
}
