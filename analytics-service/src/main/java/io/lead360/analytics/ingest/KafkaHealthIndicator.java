package io.lead360.analytics.ingest;

import io.lead360.analytics.config.AnalyticsProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the Kafka cluster answers (its id and how many brokers), asked with one admin client kept for
 * the purpose and a short timeout. Part of analytics' readiness: without Kafka no event arrives and the
 * profiles it serves fall behind. The bean name makes it the {@code kafka} contributor.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> config;
    private final Duration timeout;
    private Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, AnalyticsProperties properties) {
        this.timeout = properties.operations().kafkaHealthTimeout();
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int millis = Math.toIntExact(timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "lead360-analytics-health");
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                            new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", brokers)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() == null ? e : e.getCause()).build();
        } catch (TimeoutException | RuntimeException e) {
            return Health.down(e).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
