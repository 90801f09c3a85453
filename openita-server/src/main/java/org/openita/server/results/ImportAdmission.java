package org.openita.server.results;

import java.util.HashMap;
import java.util.Map;

/**
 * Places in the import queue: at most {@code total} imports running or waiting, at most {@code perPerson} of
 * them one person's. Taken before an upload is copied, given back when its import ends.
 */
final class ImportAdmission {

    private final int total;
    private final int perPerson;
    private final Map<String, Integer> held = new HashMap<>();
    private int taken;

    ImportAdmission(int total, int perPerson) {
        this.total = total;
        this.perPerson = perPerson;
    }

    /** Takes a place for this person, or says why there is none. */
    synchronized void admit(String person) throws ResultImports.BusyException {
        if (held.getOrDefault(person, 0) >= perPerson) {
            throw new ResultImports.BusyException(true);
        }
        if (taken >= total) {
            throw new ResultImports.BusyException(false);
        }
        held.merge(person, 1, Integer::sum);
        taken++;
    }

    /** Gives a place back. */
    synchronized void leave(String person) {
        Integer n = held.get(person);
        if (n == null) {
            return;
        }
        if (n <= 1) {
            held.remove(person);
        } else {
            held.put(person, n - 1);
        }
        taken--;
    }

    synchronized int taken() {
        return taken;
    }
}
