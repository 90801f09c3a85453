package org.openita.server.identity.internal;

import java.net.URI;
import java.util.Set;
import org.openita.server.identity.PublicSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

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

    /** Reminds whoever runs a server that links in mail lead nowhere until the public address is set. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> publicAddressReminder(PublicSite site) {
        return event -> {
            if (Set.of("localhost", "127.0.0.1", "[::1]").contains(URI.create(site.publicBaseUrl()).getHost())) {
                log.warn("Links in mail and in the API description point at {}: set OPENITA_PUBLIC_BASE_URL to the address people use"
                        + " / ลิงก์ในอีเมลชี้ไปที่ {} กรุณาตั้ง OPENITA_PUBLIC_BASE_URL", site.publicBaseUrl(), site.publicBaseUrl());
            }
        };
    }
}
