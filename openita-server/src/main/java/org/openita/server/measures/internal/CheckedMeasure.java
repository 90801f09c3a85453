package org.openita.server.measures.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a measure form once checked: trimmed, dates read, OIT codes split, milestones paired. */
public record CheckedMeasure(String title, String steps, String unit, String owner, LocalDate start, LocalDate due, String addresses,
                             List<String> oit, List<Milestone> milestones, String success) {

    /** A milestone as typed: its label and due date. */
    public record Milestone(String label, LocalDate due) {
    }

    /** As the audit trail records it. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("steps", steps);
        m.put("unit", unit);
        m.put("owner", owner);
        m.put("startsOn", start == null ? null : start.toString());
        m.put("dueOn", due == null ? null : due.toString());
        m.put("addresses", addresses);
        m.put("success", success);
        m.put("oitItems", oit);
        m.put("milestones", milestones.stream().map(x -> x.label() + " " + x.due()).toList());
        return m;
    }
}
