package io.lead360.gateway;

import io.lead360.service.config.HttpLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every lead360 setting of the gateway. Route targets live here too so that the YAML routes and
 * the sign-in client read the same value.
 */
@ConfigurationProperties("lead360")
public record GatewayProperties(
        @DefaultValue Auth auth,
        @DefaultValue Routes routes,
        @DefaultValue Resilience resilience,
        /* request bodies above these sizes are refused with 413 before they are read or routed (service-support's) */
        @DefaultValue HttpLimits http,
        @DefaultValue RateLimit rateLimit,
        /* refuse to start on missing or demo secrets instead of creating or accepting them */
        @DefaultValue("false") boolean production) {

    public record Auth(
            /* the current key: signs every new token */
            @DefaultValue("./var/keys/jwt-signing-key.pem") Path signingKeyFile,
            /* keys rotated out: still accepted and published until the tokens they signed have expired */
            @DefaultValue("") List<Path> previousSigningKeyFiles,
            @DefaultValue("PT15M") Duration accessTokenTtl,
            @DefaultValue("PT60S") Duration serviceTokenTtl,
            /* how long sign-in waits for feedback-service's credential check */
            @DefaultValue("PT2S") Duration verifyConnectTimeout,
            @DefaultValue("PT5S") Duration verifyResponseTimeout,
            /* addresses (or CIDR ranges) of proxies whose X-Forwarded-For is believed */
            @DefaultValue("") List<String> trustedProxies,
            @DefaultValue Throttle throttle,
            /* ended sessions remembered so a revoked token costs no further call; live ones never are */
            @DefaultValue("100000") int endedSessionCacheSize,
            /* a session's "live" answer is reused this long: sign-out elsewhere, deactivation and role
            changes end access at most this long after the call (issue 15 bounds it at 2 s) */
            @DefaultValue("PT1S") Duration sessionLiveFor,
            /* tokens whose signature was checked, remembered until they expire so that a busy token is
            verified once, not on every call (expiry and session are still checked on every call) */
            @DefaultValue("4096") int verifiedTokenCacheSize) {}

    /** Failed sign-ins: first slowed down, then locked (per email and per client address). */
    public record Throttle(
            @DefaultValue("PT15M") Duration window,
            /* failures for one email answered at once; each further one waits longer */
            @DefaultValue("3") int delayAfterFailures,
            @DefaultValue("PT0.5S") Duration firstDelay,
            @DefaultValue("PT4S") Duration maxDelay,
            @DefaultValue("5") int emailLockFailures,
            @DefaultValue("20") int addressLockFailures,
            @DefaultValue("PT15M") Duration lockDuration,
            /* emails and addresses tracked at once; the least recently seen are forgotten first */
            @DefaultValue("100000") int maxTracked) {}

    public record Routes(
            @DefaultValue("http://127.0.0.1:8081") URI feedbackUri,
            @DefaultValue("http://127.0.0.1:8082") URI analyticsUri) {}

    /** Circuit-breaker defaults for every route (see routing.ResilienceConfig). */
    public record Resilience(
            /* above the HTTP client's 15 s response timeout, so a slow answer times out there first */
            @DefaultValue("PT16S") Duration timeLimit,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("PT10S") Duration waitInOpenState,
            /* people imports hash a password per row: a large file takes minutes, not seconds */
            @DefaultValue("PT5M") Duration importTimeLimit) {}

    /**
     * Token buckets: {@code perMinute} requests a minute on average, {@code burst} at once. In memory
     * per gateway instance unless {@code redisUrl} is set, then shared by every instance through Redis.
     */
    public record RateLimit(
            @DefaultValue("") String redisUrl,
            /* responses, drafts and declines, per person */
            @DefaultValue Limit submissions,
            /* POST /api/auth/token, per client address (on top of the failure throttle); set in application.yml */
            @DefaultValue Limit signIn,
            @DefaultValue("100000") int maxTracked) {}

    public record Limit(
            @DefaultValue("30") int perMinute,
            @DefaultValue("10") int burst) {}
}
