package org.openita.server.audit.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openita.server.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse the audit trail (central administrator). Read-only: there is no endpoint that changes it. */
@Controller
class AuditController {

    static final int LIMIT = 200;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss")
            .localizedBy(Locale.forLanguageTag("th-TH-u-ca-buddhist")).withZone(ZoneId.of("Asia/Bangkok"));

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String browse(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String subject, Model model) {
        model.addAttribute("events", audit.search(actor, action, subject, LIMIT));
        model.addAttribute("when", WHEN);
        model.addAttribute("limit", LIMIT);
        return "audit";
    }
}
