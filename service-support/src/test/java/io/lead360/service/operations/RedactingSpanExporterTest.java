package io.lead360.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans made by a real OpenTelemetry SDK, exported through the redaction to an exporter that keeps them. */
class RedactingSpanExporterTest {

    private static final String REQUEST_ID = "7f3c9a42-request";
    private static final String PERSON_ID = "p-4711";

    private final List<SpanData> exported = new ArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(new Keeping(exported))))
            .build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theConcretePathAndQueryLeaveNeitherAsAttributeNorAnywhereElseButTheRouteTemplateStays() {
        Span span = tracer.spanBuilder("http post /api/feedback-requests/{id}/response")
                .startSpan();
        span.setAttribute("uri", "/api/feedback-requests/{id}/response");
        span.setAttribute("http.url", "/api/feedback-requests/" + REQUEST_ID + "/response");
        span.setAttribute("http.uri", "http://127.0.0.1:8081/internal/auth/sessions/s-1?personId=" + PERSON_ID);
        span.setAttribute("method", "POST");
        span.setAttribute("status", "201");
        span.setAttribute("net.sock.peer.addr", "203.0.113.7");
        span.end();

        SpanData sent = exported.get(0);
        assertThat(sent.getAttributes().asMap())
                .containsOnlyKeys(
                        AttributeKey.stringKey("uri"),
                        AttributeKey.stringKey("method"),
                        AttributeKey.stringKey("status"));
        assertThat(sent.getAttributes().get(AttributeKey.stringKey("uri")))
                .isEqualTo("/api/feedback-requests/{id}/response");
        assertThat(sent.getTotalAttributeCount()).isEqualTo(3);
        assertThat(sent.toString()).doesNotContain(REQUEST_ID, PERSON_ID, "203.0.113.7");
        assertThat(sent.getName()).isEqualTo("http post /api/feedback-requests/{id}/response");
    }

    @Test
    void anExceptionKeepsItsTypeButNotItsMessageStackTraceOrStatusDescription() {
        Span span = tracer.spanBuilder("http get /api/people/{id}").startSpan();
        span.recordException(new IllegalStateException("No person " + PERSON_ID));
        span.setStatus(StatusCode.ERROR, "No person " + PERSON_ID);
        span.end();

        SpanData sent = exported.get(0);
        assertThat(sent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(sent.getStatus().getDescription()).isEmpty();
        EventData exception = sent.getEvents().get(0);
        assertThat(exception.getName()).isEqualTo("exception");
        assertThat(exception.getAttributes().asMap()).containsOnlyKeys(AttributeKey.stringKey("exception.type"));
        assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(sent.toString()).doesNotContain(PERSON_ID);
    }

    @Test
    void traceAndSpanIdsTimesKindAndParentStayAsTheyAre() {
        Span parent = tracer.spanBuilder("lead360.outbox.publish").startSpan();
        Span child = tracer.spanBuilder("lead360.cycle-events.v1 send")
                .setParent(io.opentelemetry.context.Context.current().with(parent))
                .startSpan();
        child.setAttribute("messaging.destination.name", "lead360.cycle-events.v1");
        child.setAttribute("lead360.event.type", "CycleClosed");
        child.end();
        parent.end();

        SpanData sentChild = exported.get(0);
        assertThat(sentChild.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(sentChild.getParentSpanId())
                .isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(sentChild.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("lead360.cycle-events.v1");
        assertThat(sentChild.getAttributes().get(AttributeKey.stringKey("lead360.event.type")))
                .isEqualTo("CycleClosed");
        assertThat(sentChild.getEndEpochNanos()).isGreaterThanOrEqualTo(sentChild.getStartEpochNanos());
    }

    /** A real exporter that keeps what it is given. */
    private record Keeping(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
