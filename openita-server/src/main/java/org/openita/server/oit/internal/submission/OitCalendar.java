package org.openita.server.oit.internal.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.cycle.Activity;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The OIT's dates in a year's cycle calendar, and whether a person may do an OIT activity today. */
@Component
class OitCalendar {

    private final CycleService cycles;

    OitCalendar(CycleService cycles) {
        this.cycles = cycles;
    }

    LocalDate today() {
        return cycles.today();
    }

    Optional<PhaseWindow> window(FiscalYear year, Phase phase) {
        return cycles.windows(year.buddhistEra()).flatMap(ws -> ws.stream().filter(w -> w.phase() == phase).findFirst());
    }

    List<Phase> now(FiscalYear year) {
        LocalDate today = cycles.today();
        return cycles.windows(year.buddhistEra()).map(w -> CycleCalendar.current(w, today)).orElse(List.of());
    }

    /** Whether the person may do the activity for the year today, by any role they hold and the year's phase. */
    boolean may(Authentication auth, Activity activity, FiscalYear year) {
        List<Phase> now = now(year);
        for (Role role : Role.values()) {
            if (AgencyAccess.has(auth, role) && activity.allowed(role, now)) {
                return true;
            }
        }
        return false;
    }
}
