package org.openita.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string in a JSON request body is checked as it is read: one holding a character OpenITA never stores
 * ({@link TextInput}) fails the body with {@link RefusedCharacterException}, which the API answers as a
 * 400 problem naming the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextCheck {

    @Bean
    JacksonModule refusedCharactersInJson() {
        return new SimpleModule("openita-refused-characters").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String s = super.deserialize(p, ctxt);
                int at = TextInput.firstRefused(s);
                if (at >= 0) {
                    throw new RefusedCharacterException(p, TextInput.codePoint(s, at));
                }
                return s;
            }
        });
    }
}
