package io.lead360.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The OTLP exporter exists only with an endpoint; whatever exporter there is, the redaction wraps it. */
class TraceExportAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TraceExportAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class,
                    OtlpTracingAutoConfiguration.class));

    @Test
    void withoutAnEndpointThereIsNoExporter() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
            assertThat(context.getBean(SpanExporters.class).list()).isEmpty();
        });
    }

    @Test
    void anEmptyEndpointCountsAsNone() {
        runner.withPropertyValues(TraceExportAutoConfiguration.ENDPOINT + "= ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
        });
    }

    @Test
    void anEndpointExportsOverOtlpHttpThroughTheRedaction() {
        runner.withPropertyValues(TraceExportAutoConfiguration.ENDPOINT + "=http://127.0.0.1:4318/v1/traces")
                .run(context -> {
                    assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                    assertThat(context.getBean(SpanExporters.class).list())
                            .singleElement()
                            .isInstanceOf(RedactingSpanExporter.class);
                });
    }
}
