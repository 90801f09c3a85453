package org.openita.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers of the survey answer pages ({@code /s/**}), in one place: Spring Security's chain for those pages
 * writes exactly these, and so does the survey intake's quick path, which answers a complete answer before that chain
 * runs. Spring Security's own header writers, with the site's content security policy; {@code Cache-Control} is
 * "private, no-cache" rather than "no-store", so that a browser may keep the answers chosen on a page it reloads.
 */
public final class RespondentHeaders implements HeaderWriter {

    /** The content security policy of every page OpenITA renders itself. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static final List<HeaderWriter> WRITERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new StaticHeadersWriter("Cache-Control", "private, no-cache"),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter w : WRITERS) {
            w.writeHeaders(request, response);
        }
    }
}
