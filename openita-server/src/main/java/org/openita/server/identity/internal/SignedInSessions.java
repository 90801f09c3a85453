package org.openita.server.identity.internal;

import java.util.Map;
import java.util.Objects;
import org.openita.server.audit.AuditTrail;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's signed-in sessions, kept in PostgreSQL by Spring Session and found by the name they signed in
 * with. Ending one signs that browser out on its next request, whichever server process serves it.
 */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditTrail audit;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Ends every session of this person (after a password reset). */
    int endAll(String username, String reason) {
        return endAllBut(username, null, reason);
    }

    /** Ends every session of this person except the one given (after a password change in that session). */
    int endAllBut(String username, String keptSessionId, String reason) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            if (!Objects.equals(id, keptSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            audit.record(username, "SESSIONS_ENDED", "user:" + username, null, Map.of("sessions", ended, "reason", reason));
        }
        return ended;
    }
}
