package io.lead360.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every lead360 setting of the gateway. Route targets live here too so that the YAML routes and
 * the sign-in client read the same value.
 */
@ConfigurationProperties("lead360")
public record GatewayProperties(@DefaultValue Auth auth, @DefaultValue Routes routes,
        @DefaultValue Resilience resilience, @DefaultValue Http http) {

    public record Auth(
            @DefaultValue("./var/keys/jwt-signing-key.pem") Path signingKeyFile,
            @DefaultValue("PT15M") Duration accessTokenTtl,
            @DefaultValue("PT60S") Duration serviceTokenTtl,
            /* how long sign-in waits for feedback-service's credential check */
            @DefaultValue("PT2S") Duration verifyConnectTimeout,
            @DefaultValue("PT5S") Duration verifyResponseTimeout) {
    }

    public record Routes(
            @DefaultValue("http://127.0.0.1:8081") URI feedbackUri,
            @DefaultValue("http://127.0.0.1:8082") URI analyticsUri) {
    }

    /** Circuit-breaker defaults for every route (see routing.ResilienceConfig). */
    public record Resilience(
            /* above the HTTP client's 15 s response timeout, so a slow answer times out there first */
            @DefaultValue("PT16S") Duration timeLimit,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("PT10S") Duration waitInOpenState,
            /* people imports hash a password per row: a large file takes minutes, not seconds */
            @DefaultValue("PT5M") Duration importTimeLimit) {
    }

    /** Request bodies above these sizes are refused with 413 before they are read or routed. */
    public record Http(
            @DefaultValue("256KB") DataSize maxBodySize,
            /* POST /api/people/import: a whole organisation in one file */
            @DefaultValue("5MB") DataSize maxImportBodySize) {
    }
}
