package org.openita.server.cycle;

import java.time.LocalDate;

/** The dates a phase runs, both days included. */
public record PhaseWindow(Phase phase, LocalDate startsOn, LocalDate endsOn) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
