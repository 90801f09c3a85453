package org.openita.server.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** bcrypt by default; the stored hash names its algorithm, so a stronger one can be phased in later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(MailSender.class)
    MailSender outboxMailSender(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new OutboxMailSender(jdbc);
    }
}
