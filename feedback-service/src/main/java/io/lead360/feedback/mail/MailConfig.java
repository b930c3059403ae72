package io.lead360.feedback.mail;

import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP client, from Spring Boot's {@code spring.mail.*} (mapped from {@code LEAD360_SMTP_*}):
 * authentication is switched on exactly when a user name is given, and every wait is bounded, so a
 * server that hangs cannot hold up the sender.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfig {

    @Bean
    JavaMailSenderImpl smtp(MailProperties mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setProtocol(mail.getProtocol());
        sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        if (StringUtils.hasText(mail.getUsername())) {
            sender.setUsername(mail.getUsername());
            sender.setPassword(mail.getPassword());
            properties.put("mail.smtp.auth", "true");
        }
        properties.putIfAbsent("mail.smtp.connectiontimeout", "5000");
        properties.putIfAbsent("mail.smtp.timeout", "10000");
        properties.putIfAbsent("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
