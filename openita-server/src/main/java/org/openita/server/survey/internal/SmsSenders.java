package org.openita.server.survey.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS sender of the phone check, chosen by configuration, unless the deployment declares its own. */
@Configuration(proxyBeanMethods = false)
class SmsSenders {

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender smsSender(PhoneCheckProperties properties) {
        if (!properties.enabled()) {
            return (to, toLocal, text) -> {
                throw new SmsSender.Failed("the phone check is off", null);
            };
        }
        return switch (properties.sender()) {
            case "http" -> new HttpSmsGateway(properties.gateway());
            default -> throw new IllegalStateException("openita.survey.phone-check.sender=" + properties.sender()
                    + " is not a sender this server has (http), and no SmsSender bean was declared");
        };
    }
}
