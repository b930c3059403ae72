package io.lead360.gateway.ratelimit;

import io.lead360.gateway.GatewayProperties;
import io.lettuce.core.RedisURI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;
import org.springframework.util.StringUtils;

/**
 * Rate limits: one {@link RateLimiter} bean, used by the submissions route's RequestRateLimiter
 * filter (keyed by the token's subject) and by {@link SignInRateLimit} (keyed by client address).
 * In memory unless {@code lead360.rate-limit.redis-url} is set; Spring Boot's own Redis
 * auto-configuration stays excluded (application.yml), so without that URL nothing connects to
 * Redis and no Redis health check can mark the gateway down.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    /** The limit name sign-in attempts are counted under. */
    static final String SIGN_IN = "sign-in";
    /** The route id of the submissions route in application.yml. */
    static final String SUBMISSIONS_ROUTE = "feedback-submissions";

    static final String REDIS_URL_PROPERTY = "lead360.rate-limit.redis-url";

    /** Each person's own bucket: the subject of their (already verified) token. */
    @Bean
    KeyResolver personKeyResolver() {
        return exchange -> exchange.getPrincipal().map(Principal::getName);
    }

    @Bean
    @Conditional(RedisNotConfigured.class)
    InMemoryRateLimiter inMemoryRateLimiter(GatewayProperties properties) {
        GatewayProperties.RateLimit rateLimit = properties.rateLimit();
        return new InMemoryRateLimiter(limits(rateLimit), rateLimit.maxTracked(), System::nanoTime);
    }

    static Map<String, GatewayProperties.Limit> limits(GatewayProperties.RateLimit rateLimit) {
        return Map.of(SUBMISSIONS_ROUTE, rateLimit.submissions(), SIGN_IN, rateLimit.signIn());
    }

    /** Shared buckets for several gateway instances: Spring Cloud Gateway's RedisRateLimiter. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class RedisRateLimitConfig {

        @Bean
        LettuceConnectionFactory rateLimitRedisConnectionFactory(GatewayProperties properties) {
            RedisURI uri = RedisURI.create(properties.rateLimit().redisUrl());
            RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
            server.setDatabase(uri.getDatabase());
            if (uri.getUsername() != null) {
                server.setUsername(uri.getUsername());
            }
            if (uri.getPassword() != null) {
                server.setPassword(uri.getPassword());
            }
            LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder();
            if (uri.isSsl()) {
                client.useSsl();
            }
            return new LettuceConnectionFactory(server, client.build());
        }

        @Bean
        RedisRateLimiter redisRateLimiter(
                LettuceConnectionFactory connectionFactory,
                ConfigurationService configurationService,
                GatewayProperties properties) {
            DefaultRedisScript<List<Long>> script = new DefaultRedisScript<>();
            // the token-bucket script Spring Cloud Gateway ships for this limiter
            script.setScriptSource(
                    new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<List<Long>> listType = (Class) List.class;
            script.setResultType(listType);
            RedisRateLimiter limiter = new RedisRateLimiter(
                    new ReactiveStringRedisTemplate(connectionFactory),
                    (RedisScript<List<Long>>) script,
                    configurationService);
            limits(properties.rateLimit())
                    .forEach((name, limit) -> limiter.getConfig().put(name, redisConfig(limit)));
            return limiter;
        }

        /**
         * Redis buckets refill whole tokens per second: {@code perMinute} requests a minute become
         * {@code replenishRate / requestedTokens} per second, exactly (30/min = 1 token/s at 2 a request).
         */
        static RedisRateLimiter.Config redisConfig(GatewayProperties.Limit limit) {
            int divisor = gcd(limit.perMinute(), 60);
            int replenishRate = limit.perMinute() / divisor;
            int requestedTokens = 60 / divisor;
            return new RedisRateLimiter.Config()
                    .setReplenishRate(replenishRate)
                    .setRequestedTokens(requestedTokens)
                    .setBurstCapacity((long) limit.burst() * requestedTokens);
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    static final class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(REDIS_URL_PROPERTY));
        }
    }

    static final class RedisNotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(REDIS_URL_PROPERTY));
        }
    }
}
