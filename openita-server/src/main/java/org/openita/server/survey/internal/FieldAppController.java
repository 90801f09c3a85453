package org.openita.server.survey.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.openita.server.identity.ApiTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The assessor's offline questionnaire (docs/adr/0031-eit-part-2-in-the-field.md): one page whose script keeps the
 * year's questions and the answers recorded in the device's IndexedDB and sends them with the device's own API token.
 * The page itself holds no data, so the service worker may keep it and open it with no network.
 */
@Controller
class FieldAppController {

    /** The page's static parts, served from static/field/ with no sign-in (they hold no data). */
    static final String[] ASSETS = {"/field/sw.js", "/field/app.js", "/field/app.css", "/field/manifest.json",
            "/field/icon-192.png", "/field/icon-512.png"};

    /** The label of a device's token on the account's token page: what it is for, and when the device asked. */
    static final String TOKEN_LABEL = "อุปกรณ์เก็บข้อมูล EIT ส่วนที่ 2 ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .localizedBy(Locale.forLanguageTag("th-TH-u-ca-buddhist"));

    private final ApiTokens tokens;
    private final Clock clock;

    FieldAppController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/field/app")
    String app() {
        return "survey/field/app";
    }

    /**
     * A personal API token for this device, made when the page is first opened online while signed in: the device sends
     * its answers with it, so sending works after the browser was closed and the session is gone. Assessors only (the
     * page access says so); the token is listed, and revocable, on the account's token page.
     */
    @PostMapping(path = "/field/device", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> device(Authentication auth) {
        String label = TOKEN_LABEL + WHEN.format(LocalDateTime.now(clock));
        String token = tokens.create(auth.getName(), label);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token, "label", label));
    }
}
