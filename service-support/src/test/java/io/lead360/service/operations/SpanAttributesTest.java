package io.lead360.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanAttributesTest {

    @Test
    void routeTemplatesOutcomesAndTopicsMayLeave() {
        assertThat(SpanAttributes.mayLeave("uri")).isTrue();
        assertThat(SpanAttributes.mayLeave("outcome")).isTrue();
        assertThat(SpanAttributes.mayLeave("spring.cloud.gateway.route.id")).isTrue();
        assertThat(SpanAttributes.mayLeave("messaging.destination.name")).isTrue();
        assertThat(SpanAttributes.mayLeave("lead360.event.type")).isTrue();
    }

    @Test
    void concreteUrlsAddressesMessagesAndRecordKeysStay() {
        assertThat(SpanAttributes.mayLeave("http.url")).isFalse();
        assertThat(SpanAttributes.mayLeave("http.uri")).isFalse();
        assertThat(SpanAttributes.mayLeave("url.full")).isFalse();
        assertThat(SpanAttributes.mayLeave("url.query")).isFalse();
        assertThat(SpanAttributes.mayLeave("net.sock.peer.addr")).isFalse();
        assertThat(SpanAttributes.mayLeave("client.address")).isFalse();
        assertThat(SpanAttributes.mayLeave("exception.message")).isFalse();
        assertThat(SpanAttributes.mayLeave("messaging.kafka.message.key")).isFalse();
        assertThat(SpanAttributes.mayLeave("db.statement")).isFalse();
    }
}
