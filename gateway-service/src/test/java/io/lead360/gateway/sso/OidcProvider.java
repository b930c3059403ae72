package io.lead360.gateway.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for the tests: Spring Security's authorization server with its
 * login form, on an embedded Tomcat on a random loopback port. It knows one client (the gateway)
 * and a few users, each with an email and whether the provider vouches for it.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "lead360-gateway";
    static final String CLIENT_SECRET = "test-client-secret";

    /** A user of the provider: what they type on its login form, and the email claims it gives out. */
    record Account(String username, String password, String email, boolean emailVerified) {}

    private final Tomcat tomcat;
    private final AnnotationConfigApplicationContext spring;
    private final String issuer;

    private OidcProvider(Tomcat tomcat, AnnotationConfigApplicationContext spring, String issuer) {
        this.tomcat = tomcat;
        this.spring = spring;
        this.issuer = issuer;
    }

    static OidcProvider start(Account... accounts) {
        try {
            AtomicReference<Filter> security = new AtomicReference<>();
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("lead360-oidc-provider").toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("", null);
            // the security filter chain is created once the port (and so the issuer) is known
            FilterDef filterDef = new FilterDef();
            filterDef.setFilterName("springSecurityFilterChain");
            filterDef.setFilter((request, response, chain) -> security.get().doFilter(request, response, chain));
            context.addFilterDef(filterDef);
            FilterMap filterMap = new FilterMap();
            filterMap.setFilterName("springSecurityFilterChain");
            filterMap.addURLPattern("/*");
            context.addFilterMap(filterMap);
            Tomcat.addServlet(context, "nothing", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            });
            context.addServletMappingDecoded("/", "nothing");
            tomcat.start();

            String issuer = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
            AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
            spring.registerBean(Settings.class, () -> new Settings(issuer, Map.copyOf(toMap(accounts))));
            spring.register(ProviderConfig.class);
            spring.refresh();
            security.set(spring.getBean("springSecurityFilterChain", Filter.class));
            return new OidcProvider(tomcat, spring, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Account> toMap(Account... accounts) {
        Map<String, Account> byName = new java.util.LinkedHashMap<>();
        for (Account account : accounts) {
            byName.put(account.username(), account);
        }
        return byName;
    }

    String issuer() {
        return issuer;
    }

    @Override
    public void close() throws Exception {
        spring.close();
        tomcat.stop();
        tomcat.destroy();
    }

    record Settings(String issuer, Map<String, Account> accounts) {}

    // deliberately not a @Configuration: the gateway's component scan must not pick the provider up
    @EnableWebSecurity
    static class ProviderConfig {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    // a browser that is not signed in at the provider is sent to its login form
                    .exceptionHandling(handling ->
                            handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(
                            authorize -> authorize.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users(Settings settings) {
            return new InMemoryUserDetailsManager(settings.accounts().values().stream()
                    .map(account -> User.withUsername(account.username())
                            .password("{noop}" + account.password())
                            .roles("USER")
                            .build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(CLIENT_ID)
                            .clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            // a loopback redirect URI matches on any port (RFC 8252), the gateway's port is random
                            .redirectUri("http://127.0.0.1/login/oauth2/code/test-idp")
                            .scope(OidcScopes.OPENID)
                            .scope(OidcScopes.EMAIL)
                            .build());
        }

        /** The ID token (and so UserInfo, which the provider derives from it) carries the account's email. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(Settings settings) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Account account =
                            settings.accounts().get(context.getPrincipal().getName());
                    context.getClaims()
                            .claim("email", account.email())
                            .claim("email_verified", account.emailVerified());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString())
                        .build();
                return new ImmutableJWKSet<>(new JWKSet(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(Settings settings) {
            return AuthorizationServerSettings.builder()
                    .issuer(settings.issuer())
                    .build();
        }
    }
}
