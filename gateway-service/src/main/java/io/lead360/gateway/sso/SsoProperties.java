package io.lead360.gateway.sso;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings of lead360 itself ({@code LEAD360_SSO_*}). The providers are configured with
 * Spring Boot's standard {@code spring.security.oauth2.client.registration.*} / {@code provider.*} properties.
 *
 * @param requireVerifiedEmail sign in only when the provider vouches for the email ({@code email_verified});
 *        people are matched by email, so an unverified one would let anyone who can type a colleague's
 *        address into their provider account sign in as that colleague
 */
@ConfigurationProperties("lead360.sso")
public record SsoProperties(@DefaultValue("true") boolean requireVerifiedEmail) {}
