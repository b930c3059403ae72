package io.lead360.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * The driver's defaults wait 30 s for an unreachable server; a lead360 service would rather answer
 * 503 at once and let the caller retry, while the driver reconnects by itself.
 */
public final class MongoFailFast {

    private MongoFailFast() {}

    public static MongoClientSettingsBuilderCustomizer customizer(
            Duration serverSelectionTimeout, Duration connectTimeout) {
        return settings -> settings.applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
