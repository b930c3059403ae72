package io.lead360.gateway.session;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lead360.gateway.GatewayProperties;
import io.lead360.gateway.signin.FeedbackCredentialsClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    LiveSessions liveSessions(FeedbackCredentialsClient feedback, GatewayProperties properties) {
        return new LiveSessions(
                feedback,
                properties.auth().accessTokenTtl(),
                properties.auth().endedSessionCacheSize(),
                properties.auth().sessionLiveFor(),
                Ticker.systemTicker());
    }
}
