package io.lead360.service.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lead360.mongo}: fail fast while MongoDB is away, so callers get a quick 503 instead of a 30 s hang
 * (applied by {@link ServiceConfiguration}; the defaults live here only).
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout         how long opening a connection may take
 */
@ConfigurationProperties("lead360.mongo")
public record MongoTimeouts(
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout) {}
