package org.openita.server.survey.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openita.server.agency.AgencyCode;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * What a respondent's browser carries, none of it identifying a person: a random device cookie (for the per-device
 * rate limit, and to bind each answer form to the browser that opened it), the signed form token (when the form was
 * opened, for the time-to-complete signal), and a signed "already answered" cookie per survey.
 *
 * <p>The device cookie is SameSite=Lax, so a form posted from another site arrives without it and its token does not
 * match: the token does for these pages what the CSRF token does for signed-in ones, without a session.
 */
@Component
class Respondents {

    static final String DEVICE = "openita_device";
    private static final Pattern DEVICE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SurveyKeys keys;

    Respondents(SurveyKeys keys) {
        this.keys = keys;
    }

    /** The browser's device id, or a new one set as a cookie. */
    String device(HttpServletRequest request, HttpServletResponse response) {
        return existingDevice(request).orElseGet(() -> {
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            String value = B64.encodeToString(id);
            set(response, request, DEVICE, value, Duration.ofDays(400));
            return value;
        });
    }

    Optional<String> existingDevice(HttpServletRequest request) {
        return cookie(request, DEVICE).filter(v -> DEVICE_SHAPE.matcher(v).matches());
    }

    /** A token for an answer form opened now on this device. */
    String formToken(SurveyPart part, AgencyCode agency, int year, String device, Instant now) {
        long issued = now.getEpochSecond();
        byte[] mac = java.util.Arrays.copyOf(Signatures.sign(keys.form().secret(), formText(part, agency, year, device, issued)), 16);
        return B64.encodeToString(ByteBuffer.allocate(8).putLong(issued).array()) + "." + B64.encodeToString(mac);
    }

    /** When the form of a submitted token was opened, if the token is this device's, for this survey, and not too old. */
    Optional<Instant> formOpened(String token, SurveyPart part, AgencyCode agency, int year, String device, Instant now, Duration maxAge) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] issuedBytes = B64D.decode(token.substring(0, Math.max(dot, 0)));
            byte[] mac = B64D.decode(token.substring(dot + 1));
            if (dot < 0 || issuedBytes.length != 8 || mac.length != 16) {
                return Optional.empty();
            }
            long issued = ByteBuffer.wrap(issuedBytes).getLong();
            if (!Signatures.matches(keys.form().secret(), formText(part, agency, year, device, issued), mac)) {
                return Optional.empty();
            }
            Instant opened = Instant.ofEpochSecond(issued);
            boolean fresh = !opened.isAfter(now.plusSeconds(60)) && !opened.plus(maxAge).isBefore(now);
            return fresh ? Optional.of(opened) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String formText(SurveyPart part, AgencyCode agency, int year, String device, long issued) {
        return "form|" + part.name() + "|" + agency.value() + "|" + year + "|" + device + "|" + issued;
    }

    /** Whether this browser already answered the survey this year. */
    boolean answered(HttpServletRequest request, SurveyPart part, AgencyCode agency, int year) {
        return cookie(request, doneName(part, agency)).map(v -> v.equals(doneValue(part, agency, year))).orElse(false);
    }

    void markAnswered(HttpServletRequest request, HttpServletResponse response, SurveyPart part, AgencyCode agency, int year) {
        set(response, request, doneName(part, agency), doneValue(part, agency, year), Duration.ofDays(400));
    }

    private static String doneName(SurveyPart part, AgencyCode agency) {
        return "openita_done_" + part.path() + "_" + agency.value();
    }

    private String doneValue(SurveyPart part, AgencyCode agency, int year) {
        byte[] mac = java.util.Arrays.copyOf(Signatures.sign(keys.form().secret(), "done|" + part.name() + "|" + agency.value() + "|" + year), 12);
        return year + "." + B64.encodeToString(mac);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        return Optional.ofNullable(WebUtils.getCookie(request, name)).map(Cookie::getValue);
    }

    private static void set(HttpServletResponse response, HttpServletRequest request, String name, String value, Duration maxAge) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).path(request.getContextPath() + "/s/").maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
    }
}
