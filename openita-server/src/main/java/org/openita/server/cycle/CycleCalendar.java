package org.openita.server.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;

/**
 * A cycle's calendar: default dates modelled on NACC's published 2565 calendar (registration in January and
 * February, OIT in March to June, results in August), and the checks a calendar must pass.
 */
public final class CycleCalendar {

    private CycleCalendar() {
    }

    public static List<PhaseWindow> defaults(FiscalYear year) {
        int ce = year.buddhistEra() - FiscalYear.BE_OFFSET;
        List<PhaseWindow> w = new ArrayList<>();
        w.add(new PhaseWindow(Phase.REGISTRATION, LocalDate.of(ce, 1, 1), LocalDate.of(ce, 1, 31)));
        w.add(new PhaseWindow(Phase.DATA_ENTRY, LocalDate.of(ce, 2, 1), LocalDate.of(ce, 2, 1).withDayOfMonth(LocalDate.of(ce, 2, 1).lengthOfMonth())));
        w.add(new PhaseWindow(Phase.SURVEY_COLLECTION, LocalDate.of(ce, 3, 1), LocalDate.of(ce, 5, 31)));
        w.add(new PhaseWindow(Phase.OIT_SUBMISSION, LocalDate.of(ce, 3, 1), LocalDate.of(ce, 4, 30)));
        w.add(new PhaseWindow(Phase.OIT_REVIEW, LocalDate.of(ce, 5, 1), LocalDate.of(ce, 5, 31)));
        w.add(new PhaseWindow(Phase.CLARIFICATION, LocalDate.of(ce, 6, 1), LocalDate.of(ce, 6, 15)));
        w.add(new PhaseWindow(Phase.CONFIRMATION, LocalDate.of(ce, 6, 16), LocalDate.of(ce, 6, 30)));
        w.add(new PhaseWindow(Phase.RESULTS_ANNOUNCED, LocalDate.of(ce, 8, 15), LocalDate.of(ce, 9, 30)));
        return w;
    }

    /** Problems with a calendar, as message keys with the phase they concern; empty when it is valid. */
    public static List<String> problems(FiscalYear year, List<PhaseWindow> windows) {
        List<String> out = new ArrayList<>();
        Map<Phase, PhaseWindow> byPhase = new EnumMap<>(Phase.class);
        for (PhaseWindow w : windows) {
            byPhase.put(w.phase(), w);
            if (w.endsOn().isBefore(w.startsOn())) {
                out.add("cycle.error.order:" + w.phase());
            }
            if (w.startsOn().isBefore(year.firstDay()) || w.endsOn().isAfter(year.lastDay())) {
                out.add("cycle.error.outside:" + w.phase());
            }
        }
        for (Phase p : Phase.values()) {
            if (!byPhase.containsKey(p)) {
                out.add("cycle.error.missing:" + p);
            }
        }
        Phase[] sequence = {Phase.OIT_SUBMISSION, Phase.OIT_REVIEW, Phase.CLARIFICATION, Phase.CONFIRMATION, Phase.RESULTS_ANNOUNCED};
        for (int i = 1; i < sequence.length; i++) {
            PhaseWindow before = byPhase.get(sequence[i - 1]);
            PhaseWindow after = byPhase.get(sequence[i]);
            if (before != null && after != null && !after.startsOn().isAfter(before.endsOn())) {
                out.add("cycle.error.sequence:" + sequence[i]);
            }
        }
        return out;
    }

    public static List<Phase> current(List<PhaseWindow> windows, LocalDate today) {
        return windows.stream().filter(w -> w.contains(today)).map(PhaseWindow::phase).toList();
    }
}
