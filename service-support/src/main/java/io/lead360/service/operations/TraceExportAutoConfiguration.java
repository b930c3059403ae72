package io.lead360.service.operations;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Tracing export, the same in every lead360 service. Spans go out over OTLP/HTTP only when
 * {@value #ENDPOINT} (each service maps {@code LEAD360_OTLP_ENDPOINT} to it, e.g.
 * {@code http://otel-collector:4318/v1/traces}) is set; without it there is no exporter, while trace ids
 * are still made and written to the logs. Boot's own switch cannot take an empty variable: it counts an
 * empty endpoint as set and then fails at startup ("Invalid endpoint"). Whatever is exported passes
 * {@link RedactingSpanExporter} first.
 */
@AutoConfiguration(before = {OtlpTracingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class})
@ConditionalOnClass({SpanExporter.class, OtlpTracingConnectionDetails.class})
public class TraceExportAutoConfiguration {

    public static final String ENDPOINT = "lead360.tracing.otlp-endpoint";

    /** Boot creates its OTLP exporter once connection details exist; these exist only with an endpoint. */
    @Bean
    @Conditional(EndpointSet.class)
    OtlpTracingConnectionDetails lead360OtlpEndpoint(Environment environment) {
        String endpoint = environment.getRequiredProperty(ENDPOINT).strip();
        return transport -> endpoint;
    }

    @Bean
    SpanExporters spanExporters(ObjectProvider<SpanExporter> exporters) {
        return SpanExporters.of(
                exporters.orderedStream().map(RedactingSpanExporter::new).toList());
    }

    static final class EndpointSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(ENDPOINT));
        }
    }
}
