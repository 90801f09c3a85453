package org.openita.server.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox: mail OpenITA would send, for the central administrator to read when no mail server is set up. */
@Controller
class OutboxController {

    private final JdbcClient jdbc;

    OutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        List<Map<String, Object>> messages = jdbc.sql("select recipient, subject, body, created_at from outbox_message order by id desc limit 100")
                .query().listOfRows();
        model.addAttribute("messages", messages);
        return "outbox";
    }
}
