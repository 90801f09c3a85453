package org.openita.server.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Thai first, English on request (?lang=en, remembered in a cookie); the bundled fonts as static files. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale THAI = Locale.forLanguageTag("th");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("openita-lang");
        resolver.setDefaultLocale(THAI);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Form uploads wait in this server's own temporary folder, not the system's, within the configured sizes. */
    @Bean
    jakarta.servlet.MultipartConfigElement multipartConfigElement(TempFolder temp,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:50MB}") org.springframework.util.unit.DataSize maxFile,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:51MB}") org.springframework.util.unit.DataSize maxRequest)
            throws java.io.IOException {
        String folder = java.nio.file.Files.createDirectories(temp.path().resolve("uploads")).toString();
        return new jakarta.servlet.MultipartConfigElement(folder, maxFile.toBytes(), maxRequest.toBytes(), 0);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                     Object handler) throws jakarta.servlet.ServletException {
                try {
                    return super.preHandle(request, response, handler);
                } catch (IllegalStateException e) {
                    // a form the container could not read: RefusedCharacters answered it, and its error page must still show
                    return true;
                }
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/fonts/**").addResourceLocations("classpath:/fonts/")
                .setCacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
    }
}
