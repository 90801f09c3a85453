package org.openita.server.survey.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * What the browser carries through the phone check, signed with the form key and bound to its device cookie: the
 * token of the phone and code forms (what the CSRF token does on signed-in pages), the phone waiting for its code,
 * and the proof that a phone was checked, which lets the answer spend it. The phone is in them only as its keyed
 * HMAC, which says nothing of the number to whoever lacks the year's key.
 */
@Component
class PhoneProofs {

    static final String PENDING = "openita_phone_code";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SurveyKeys keys;

    PhoneProofs(SurveyKeys keys) {
        this.keys = keys;
    }

    static String proofName(AgencyCode agency) {
        return "openita_phone_eit_" + agency.value();
    }

    /** The token of a phone-check form opened now on this device; good until {@code until}. */
    String stepToken(AgencyCode agency, int year, String device, Instant until) {
        return seal("step", agency, year, device, until, new byte[0]);
    }

    boolean stepValid(String token, AgencyCode agency, int year, String device, Instant now) {
        return open(token, "step", agency, year, device, now).isPresent();
    }

    void setPending(HttpServletRequest request, HttpServletResponse response, byte[] phone, AgencyCode agency, int year,
                    String device, Instant until, Duration maxAge) {
        set(request, response, PENDING, seal("pending", agency, year, device, until, phone), maxAge);
    }

    Optional<byte[]> pending(HttpServletRequest request, AgencyCode agency, int year, String device, Instant now) {
        return cookie(request, PENDING).flatMap(v -> open(v, "pending", agency, year, device, now));
    }

    void setProof(HttpServletRequest request, HttpServletResponse response, byte[] phone, AgencyCode agency, int year,
                  String device, Instant until, Duration maxAge) {
        set(request, response, proofName(agency), seal("proof", agency, year, device, until, phone), maxAge);
        set(request, response, PENDING, "", Duration.ZERO);
    }

    /** The checked phone this browser may answer the agency's survey with, if its proof is good. */
    Optional<byte[]> proof(HttpServletRequest request, AgencyCode agency, int year, Optional<String> device, Instant now) {
        return device.flatMap(d -> cookie(request, proofName(agency)).flatMap(v -> open(v, "proof", agency, year, d, now)));
    }

    private String seal(String kind, AgencyCode agency, int year, String device, Instant until, byte[] phone) {
        long expires = until.getEpochSecond();
        byte[] mac = Arrays.copyOf(Signatures.sign(keys.form().secret(), text(kind, agency, year, device, expires, phone)), 16);
        return B64.encodeToString(phone) + "." + B64.encodeToString(ByteBuffer.allocate(8).putLong(expires).array()) + "."
                + B64.encodeToString(mac);
    }

    private Optional<byte[]> open(String token, String kind, AgencyCode agency, int year, String device, Instant now) {
        if (token == null || token.length() > 120) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] phone = B64D.decode(parts[0]);
            byte[] expiresBytes = B64D.decode(parts[1]);
            byte[] mac = B64D.decode(parts[2]);
            if (expiresBytes.length != 8 || mac.length != 16) {
                return Optional.empty();
            }
            long expires = ByteBuffer.wrap(expiresBytes).getLong();
            if (!Signatures.matches(keys.form().secret(), text(kind, agency, year, device, expires, phone), mac)
                    || !Instant.ofEpochSecond(expires).isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(phone);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(String kind, AgencyCode agency, int year, String device, long expires, byte[] phone) {
        return "phone-" + kind + "|" + agency.value() + "|" + year + "|" + device + "|" + expires + "|" + HexFormat.of().formatHex(phone);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        return Optional.ofNullable(WebUtils.getCookie(request, name)).map(Cookie::getValue);
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).path(request.getContextPath() + "/s/").maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
    }
}
