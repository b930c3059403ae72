package io.lead360.gateway.sso;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The OpenID Connect providers configured with Spring Boot's standard
 * {@code spring.security.oauth2.client.*} properties, resolved lazily.
 * <p>
 * Boot's own repository fetches every provider's discovery document while the gateway starts, so a
 * provider that is down (or a Keycloak container still starting) would stop the whole gateway, password
 * sign-in included. Here a provider is resolved on its first use and retried on the next one until its
 * discovery succeeds; the list of providers comes from the configuration alone.
 */
class SsoProviders implements ReactiveClientRegistrationRepository {

    /** The client secret of keycloak/lead360-realm.json: fine for the demo, refused in production. */
    static final String DEMO_CLIENT_SECRET = "lead360-demo-secret";

    private final OAuth2ClientProperties properties;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

    SsoProviders(OAuth2ClientProperties properties) {
        this.properties = properties;
    }

    /** What the sign-in page offers: every registration that signs people in (authorization code). */
    List<Provider> list() {
        return properties.getRegistration().entrySet().stream()
                .filter(entry -> signsPeopleIn(entry.getValue()))
                .map(entry -> new Provider(
                        entry.getKey(),
                        displayName(entry.getKey(), entry.getValue()),
                        "/oauth2/authorization/" + entry.getKey()))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        OAuth2ClientProperties.Registration registration =
                properties.getRegistration().get(registrationId);
        if (registration == null || !signsPeopleIn(registration)) {
            return Mono.empty();
        }
        ClientRegistration known = resolved.get(registrationId);
        if (known != null) {
            return Mono.just(known);
        }
        // discovery is a blocking HTTP call: never on an event-loop thread
        return Mono.fromCallable(() -> resolve(registrationId, registration))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(found -> resolved.put(registrationId, found));
    }

    /** What production mode refuses: a provider without a client secret, or with the demo one. */
    static List<String> productionProblems(OAuth2ClientProperties properties) {
        return properties.getRegistration().entrySet().stream()
                .filter(entry -> signsPeopleIn(entry.getValue()))
                .flatMap(entry -> {
                    String secret = entry.getValue().getClientSecret();
                    String name = "spring.security.oauth2.client.registration." + entry.getKey() + ".client-secret";
                    if (secret == null || secret.isBlank()) {
                        return java.util.stream.Stream.of(name + " is not set");
                    }
                    if (secret.equals(DEMO_CLIENT_SECRET)) {
                        return java.util.stream.Stream.of(name + " is the demo value from keycloak/lead360-realm.json"
                                + " (set LEAD360_SSO_CLIENT_SECRET to the provider's real secret)");
                    }
                    return java.util.stream.Stream.empty();
                })
                .sorted()
                .toList();
    }

    private ClientRegistration resolve(String registrationId, OAuth2ClientProperties.Registration registration) {
        OAuth2ClientProperties one = new OAuth2ClientProperties();
        one.getRegistration().put(registrationId, registration);
        one.getProvider().putAll(properties.getProvider());
        return new OAuth2ClientPropertiesMapper(one).asClientRegistrations().get(registrationId);
    }

    private static boolean signsPeopleIn(OAuth2ClientProperties.Registration registration) {
        String grantType = registration.getAuthorizationGrantType();
        return grantType == null || grantType.equals(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
    }

    private static String displayName(String id, OAuth2ClientProperties.Registration registration) {
        String name = registration.getClientName();
        if (name != null && !name.isBlank()) {
            return name;
        }
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    /** One entry of GET /api/auth/providers. */
    record Provider(String id, String name, String loginUrl) {}
}
