package org.openita.server.cycle.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseEndedEarly;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows the current fiscal year's cycle and the phase it is in today. */
@ControllerAdvice
class CycleBannerAdvice {

    /** What the banner shows: the year, and the phases running today with their end dates. */
    record Banner(int year, List<Running> running) {
    }

    /** A phase of today: {@code closed} when it ended early (the surveys were closed before their last day). */
    record Running(Phase phase, String endsOn, boolean closed) {
    }

    private final CycleService cycles;
    private final org.springframework.beans.factory.ObjectProvider<PhaseEndedEarly> endedEarly;

    CycleBannerAdvice(CycleService cycles, org.springframework.beans.factory.ObjectProvider<PhaseEndedEarly> endedEarly) {
        this.cycles = cycles;
        this.endedEarly = endedEarly;
    }

    @ModelAttribute("cycleBanner")
    Banner banner(Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/s/")) {
            return null; // survey answer pages show no banner and take no database connection for one
        }
        LocalDate today = cycles.today();
        int year = FiscalYear.containing(today).buddhistEra();
        return cycles.windows(year).map(w -> new Banner(year, w.stream().filter(x -> x.contains(today))
                .map(x -> new Running(x.phase(), CycleDates.format(x.endsOn(), locale),
                        endedEarly.stream().anyMatch(e -> e.endedEarly(year, x.phase())))).toList())).orElse(null);
    }
}
