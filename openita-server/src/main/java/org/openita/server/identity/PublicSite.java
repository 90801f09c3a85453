package org.openita.server.identity;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where people reach this server: every absolute link OpenITA gives out (in mail, on pages, in the API
 * description) is built from here, never from the request, whose Host header anyone can set.
 *
 * @param publicBaseUrl an absolute http(s) address with an optional path and no trailing slash, for example
 *                      {@code https://ita.example.go.th} (set with OPENITA_PUBLIC_BASE_URL)
 */
@ConfigurationProperties("openita")
public record PublicSite(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public PublicSite {
        publicBaseUrl = checked(publicBaseUrl);
    }

    /** The absolute link to a path of this server, e.g. {@code link("/public/{code}/{year}", code, year)}; variables are encoded. */
    public String link(String pathTemplate, Object... variables) {
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + pathTemplate);
        }
        return UriComponentsBuilder.fromUriString(publicBaseUrl).path(pathTemplate).encode().buildAndExpand(variables).toUriString();
    }

    private static String checked(String value) {
        String v = value == null ? "" : value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value);
        }
        return v;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("openita.public-base-url (OPENITA_PUBLIC_BASE_URL) must be an absolute http or https address"
                + " such as https://ita.example.go.th, with no query or fragment; it is '" + value + "'");
    }
}
