package org.openita.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application has, read from Spring's handler mappings so that a new one is covered
 * the day it is added: a visitor who is not signed in reaches only the endpoints listed here as public;
 * every other one sends the visitor to sign in.
 */
class EndpointAuthorizationIT extends ServerTestSupport {

    /** The endpoints a visitor may use without signing in. Adding one here is a deliberate decision. */
    static final Set<String> PUBLIC = Set.of("GET /", "GET /login", "POST /login", "GET /account/reset", "POST /account/reset", "GET /account/reset/{token}", "POST /account/reset/{token}", "GET /demo/report.{format}", "GET /error",
            "GET /public/{code}/{year}", "GET /public/{code}/{year}/report.{format}", "GET /public/{code}/{year}/follow-up.{format}",
            "GET /open-data", "GET /open-data/{year}.{format}", "GET /upload-too-large", "GET /api/docs", "GET /api/docs.yaml", "GET /api/docs/swagger-config", "GET /api/docs/ui",
            // the survey answer pages: staff and service users answer without an account (docs/surveys.md)
            "GET /s/iit/{code}", "GET /s/eit/{code}", "POST /s/iit/{code}", "POST /s/eit/{code}", "GET /s/iit/{code}/thanks", "GET /s/eit/{code}/thanks",
            // the optional phone check before EIT part 1 (docs/adr/0027-phone-check-for-eit-part-1.md)
            "POST /s/eit/{code}/phone", "GET /s/eit/{code}/code", "POST /s/eit/{code}/code",
            "POST /error", "PUT /error", "DELETE /error", "PATCH /error", "HEAD /error", "OPTIONS /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern) {
        String key() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : effective) {
                    out.add(new Endpoint(m.name(), pattern));
                }
            }
        }
        return out;
    }

    @Test
    void visitorsReachOnlyThePublicEndpoints() throws Exception {
        List<Endpoint> all = endpoints();
        assertThat(all).extracting(Endpoint::key).contains("GET /", "GET /account/password", "POST /account/password");
        List<String> open = new ArrayList<>();
        for (Endpoint e : all) {
            if (PUBLIC.contains(e.key())) {
                continue;
            }
            String path = e.pattern().replace("{format}", "pdf").replaceAll("\\{[^}]+}", "1");
            // with a valid CSRF token, so that a refusal is the authorization's and not the CSRF filter's
            var response = mvc.perform(request(HttpMethod.valueOf(e.method()), path).with(csrf())).andReturn().getResponse();
            boolean refused = response.getStatus() == 403 || response.getStatus() == 401
                    || (response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login"));
            if (!refused) {
                open.add(e.key() + " -> " + response.getStatus());
            }
        }
        assertThat(open).as("endpoints reachable without signing in that are not in the public list").isEmpty();
    }
}
