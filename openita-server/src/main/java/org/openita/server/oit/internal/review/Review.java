package org.openita.server.oit.internal.review;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openita.server.agency.AgencyCode;

/**
 * The review of one item of one agency and year: the verdict per component (in the definition's order), its state, who
 * judged, decided and confirmed it and when, and the version that a save must name (optimistic locking).
 */
public record Review(AgencyCode agency, int year, String item, Map<String, Verdict> verdicts, ReviewState state, String judgedBy,
              Instant judgedAt, String decidedBy, Instant decidedAt, String confirmedBy, Instant confirmedAt, int version) {

    public Review {
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    /** 100 when every component passes (the definition's rule), else 0. */
    public int score() {
        return !verdicts.isEmpty() && verdicts.values().stream().allMatch(Verdict::passes) ? 100 : 0;
    }

    public boolean locked() {
        return state == ReviewState.CONFIRMED;
    }

    /** What the audit trail keeps of it. */
    Map<String, Object> audited() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> v = new LinkedHashMap<>();
        verdicts.forEach((c, x) -> v.put(c, Map.of("passes", x.passes(), "comment", x.comment())));
        out.put("verdicts", v);
        out.put("state", state.name());
        out.put("version", version);
        return out;
    }
}
