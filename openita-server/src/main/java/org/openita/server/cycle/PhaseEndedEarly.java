package org.openita.server.cycle;

/**
 * Another module's word that a phase of a fiscal year has ended before the calendar's last day for it (the central
 * administrator closed the year's surveys early): the cycle banner then says the phase is closed instead of running.
 * Implementations answer from memory, since every page asks.
 */
public interface PhaseEndedEarly {

    boolean endedEarly(int fiscalYear, Phase phase);
}
