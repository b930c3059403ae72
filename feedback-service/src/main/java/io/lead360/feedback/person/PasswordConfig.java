package io.lead360.feedback.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    /** bcrypt today; the {id} prefix lets stored hashes move to another algorithm later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One thread per core: bcrypt is all CPU (closed with the context, see {@link PasswordHashing#close}). */
    @Bean
    PasswordHashing passwordHashing(PasswordEncoder encoder) {
        return new PasswordHashing(encoder, Runtime.getRuntime().availableProcessors());
    }
}
