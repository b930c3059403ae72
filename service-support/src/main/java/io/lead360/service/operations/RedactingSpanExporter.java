package io.lead360.service.operations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * Every span a lead360 service exports passes here last: only the attributes {@link SpanAttributes}
 * lets out stay, a recorded exception keeps its type but not its message or stack trace, and a span's
 * error status keeps its code but not its description (the exception's message). The span's names,
 * ids, times and its service stay as they are.
 */
public final class RedactingSpanExporter implements SpanExporter {

    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey(SpanAttributes.EXCEPTION_TYPE);

    private final SpanExporter delegate;

    public RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().<SpanData>map(Redacted::new).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "RedactingSpanExporter{" + delegate + "}";
    }

    static Attributes safe(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (SpanAttributes.mayLeave(key.getKey())) {
                putAny(kept, key, value);
            }
        });
        return kept.build();
    }

    @SuppressWarnings("unchecked")
    private static void putAny(AttributesBuilder builder, AttributeKey<?> key, Object value) {
        builder.put((AttributeKey<Object>) key, value);
    }

    private static final class Redacted extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;
        private final List<LinkData> links;
        private final StatusData status;

        Redacted(SpanData span) {
            super(span);
            this.attributes = safe(span.getAttributes());
            this.events = span.getEvents().stream().map(Redacted::event).toList();
            this.links = span.getLinks().stream()
                    .map(link -> LinkData.create(link.getSpanContext()))
                    .toList();
            this.status = StatusData.create(span.getStatus().getStatusCode(), "");
        }

        private static EventData event(EventData event) {
            String type = event.getAttributes().get(EXCEPTION_TYPE);
            Attributes kept = type == null ? Attributes.empty() : Attributes.of(EXCEPTION_TYPE, type);
            return EventData.create(event.getEpochNanos(), event.getName(), kept);
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }

        @Override
        public List<LinkData> getLinks() {
            return links;
        }

        @Override
        public int getTotalRecordedLinks() {
            return links.size();
        }

        @Override
        public StatusData getStatus() {
            return status;
        }
    }
}
