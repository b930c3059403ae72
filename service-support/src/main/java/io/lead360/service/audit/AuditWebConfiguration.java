package io.lead360.service.audit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An {@link AuditFilter} is bound through its constructor only: a query parameter it does not name (such as
 * {@code actorId[$ne]}) is ignored, never read as a property path (which would answer 500).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditWebConfiguration {

    @Bean
    AuditFilterBinding auditFilterBinding() {
        return new AuditFilterBinding();
    }

    @ControllerAdvice
    static class AuditFilterBinding {
        @InitBinder("auditFilter")
        void constructorOnly(WebDataBinder binder) {
            binder.setDeclarativeBinding(true);
        }
    }
}
