package org.openita.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * Builds the follow-up report from the recorded progress of an agency's measures, as the same blocks
 * the analysis report is made of, so it renders to DOCX, PDF and HTML the same way.
 */
public final class FollowUpReportBuilder {

    private final FollowUp f;
    private final ReportOptions options;
    private final DigitStyle digits;
    private final List<Block> blocks = new ArrayList<>();
    private int section;

    private FollowUpReportBuilder(FollowUp followUp, ReportOptions options) {
        this.f = followUp;
        this.options = options;
        this.digits = options.digits();
    }

    public static ReportDocument build(FollowUp followUp, ReportOptions options) {
        return new FollowUpReportBuilder(followUp, options).build();
    }

    private String n(Object number) {
        return ThaiFormat.digits(String.valueOf(number), digits);
    }

    private String t(String text) {
        return ThaiFormat.digits(text, digits);
    }

    private String date(java.time.LocalDate d) {
        return d == null ? "–" : ThaiFormat.date(d, digits);
    }

    private static String p(String key, String... pairs) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Phrases.fill(key, values);
    }

    private void section(String key) {
        section++;
        blocks.add(new Block.Heading(1, n(section) + ".", p(key)));
    }

    private ReportDocument build() {
        cover();
        introduction();
        if (!options.measuresWithheld()) {
            summary();
            details();
            problems();
        }
        return new ReportDocument(p("followup.title", "year", n(f.measuresYear()), "agency", f.agency().name()),
                f.agency().name(), blocks);
    }

    private String place() {
        return Phrases.place(f.agency().district(), f.agency().province());
    }

    private void cover() {
        List<String> agency = new ArrayList<>();
        agency.add(f.agency().name());
        if (!place().isEmpty()) {
            agency.add(place());
        }
        blocks.add(new Block.Cover(List.of(p("followup.cover.title1"), p("followup.cover.title2"), p("followup.cover.title3"),
                p("followup.cover.title4", "year", n(f.measuresYear()))), agency, p("followup.cover.asOf", "date", date(f.asOf())),
                options.logo()));
        blocks.add(new Block.PageBreak());
    }

    private void introduction() {
        section("followup.intro.heading");
        List<String> sentences = new ArrayList<>();
        sentences.add(p("followup.intro.result", "year", n(f.assessmentYear().buddhistEra()), "agency", f.agency().name()));
        if (f.overall() != null) {
            sentences.add(p("followup.intro.score", "overall", ThaiFormat.score(f.overall(), digits)));
        }
        if (f.level() != null) {
            sentences.add(p("followup.intro.level", "level", f.level()));
        }
        sentences.add(options.measuresWithheld() ? ReportOptions.notConfirmed(n(f.measuresYear()))
                : p("followup.intro.measures", "count", n(f.measures().size()), "year", n(f.measuresYear()), "date", date(f.asOf())));
        blocks.add(new Block.Paragraph(String.join(" ", sentences)));
    }

    private void summary() {
        section("followup.summary.heading");
        Map<FollowUp.Status, Integer> count = new EnumMap<>(FollowUp.Status.class);
        f.measures().forEach(m -> count.merge(m.status(), 1, Integer::sum));
        long overdue = f.measures().stream().filter(m -> m.overdue(f.asOf())).count();
        List<List<String>> rows = new ArrayList<>();
        for (FollowUp.Status s : FollowUp.Status.values()) {
            rows.add(List.of(s.thai(), n(count.getOrDefault(s, 0))));
        }
        rows.add(List.of(p("followup.summary.total"), n(f.measures().size())));
        blocks.add(new Block.Table(List.of(p("followup.summary.col.status"), p("followup.summary.col.count")), rows,
                new float[] {4f, 2f}, new boolean[] {false, true}));
        // Overdue measures are also counted under their status above (not started or in progress), so they are
        // said apart from the table, whose rows add up to the total.
        blocks.add(new Block.Paragraph(overdue == 0 ? p("followup.summary.noneOverdue")
                : p("followup.summary.overdue", "count", n(overdue))));
        List<List<String>> list = new ArrayList<>();
        int i = 0;
        for (FollowUp.Measure m : f.measures()) {
            i++;
            list.add(List.of(n(i), m.title(), m.unit() == null ? "–" : m.unit(), date(m.dueOn()),
                    m.overdue(f.asOf()) ? p("followup.list.statusOverdue", "status", m.status().thai()) : m.status().thai()));
        }
        if (!list.isEmpty()) {
            blocks.add(new Block.Table(List.of(p("followup.list.col.number"), p("followup.list.col.measure"), p("followup.list.col.unit"),
                    p("followup.list.col.due"), p("followup.list.col.status")), list,
                    new float[] {0.7f, 5f, 2.4f, 2.4f, 2.6f}, new boolean[] {false, false, false, false, false}));
        }
    }

    private void details() {
        section("followup.details.heading");
        int i = 0;
        for (FollowUp.Measure m : f.measures()) {
            i++;
            blocks.add(new Block.Heading(2, n(section) + "." + n(i), m.title()));
            List<List<String>> facts = new ArrayList<>();
            if (m.addresses() != null && !m.addresses().isBlank()) {
                facts.add(List.of(p("followup.details.addresses"), t(m.addresses())));
            }
            String unit = m.unit() == null ? "–" : m.unit();
            facts.add(List.of(p("followup.details.unit"), m.owner() == null || m.owner().isBlank() ? unit
                    : p("followup.details.unitOwner", "unit", unit, "owner", m.owner())));
            facts.add(List.of(p("followup.details.period"), p("followup.details.periodRange", "from", date(m.startsOn()), "to", date(m.dueOn()))));
            facts.add(List.of(p("followup.details.status"), m.overdue(f.asOf())
                    ? p("followup.details.statusOverdue", "status", m.status().thai()) : m.status().thai()));
            blocks.add(new Block.Table(List.of(p("followup.details.col.topic"), p("followup.details.col.detail")), facts,
                    new float[] {2.4f, 8f}, new boolean[] {false, false}));
            if (!m.steps().isEmpty()) {
                blocks.add(new Block.Paragraph(p("followup.details.steps")));
                blocks.add(new Block.Bullets(m.steps().stream().map(this::t).toList()));
            }
            if (!m.milestones().isEmpty()) {
                List<List<String>> ms = new ArrayList<>();
                for (FollowUp.Milestone x : m.milestones()) {
                    ms.add(List.of(t(x.label()), date(x.dueOn()), x.reachedOn() == null
                            ? (x.dueOn() != null && x.dueOn().isBefore(f.asOf()) ? p("followup.milestone.lateUndone") : p("followup.milestone.notYet"))
                            : p("followup.milestone.done", "date", date(x.reachedOn()))));
                }
                blocks.add(new Block.Table(List.of(p("followup.milestone.col.label"), p("followup.milestone.col.due"),
                        p("followup.milestone.col.result")), ms, new float[] {5f, 2.5f, 3.5f}, new boolean[] {false, false, false}));
            }
            if (m.updates().isEmpty()) {
                blocks.add(new Block.Paragraph(p("followup.updates.none")));
            } else if (options.publicCopy()) {
                blocks.add(new Block.Table(List.of(p("followup.updates.col.date"), p("followup.updates.col.status")),
                        m.updates().stream().map(u -> List.of(date(u.on()), u.status().thai())).toList(),
                        new float[] {2.4f, 2.6f}, new boolean[] {false, false}));
            } else {
                List<List<String>> ups = new ArrayList<>();
                for (FollowUp.Update u : m.updates()) {
                    StringBuilder note = new StringBuilder(u.note() == null ? "" : t(u.note()));
                    for (String link : u.evidence()) {
                        note.append(note.length() == 0 ? "" : "\n").append(p("followup.updates.evidence", "link", link));
                    }
                    ups.add(List.of(date(u.on()), u.status().thai(), note.toString()));
                }
                blocks.add(new Block.Table(List.of(p("followup.updates.col.date"), p("followup.updates.col.status"),
                        p("followup.updates.col.note")), ups, new float[] {2.4f, 2.6f, 7f}, new boolean[] {false, false, false}));
            }
        }
        if (f.measures().isEmpty()) {
            blocks.add(new Block.Paragraph(p("followup.none")));
        }
    }

    private void problems() {
        section("followup.problems.heading");
        List<String> items = new ArrayList<>();
        for (FollowUp.Measure m : f.measures()) {
            if (m.status() == FollowUp.Status.DROPPED) {
                String reason = m.updates().isEmpty() ? "" : m.updates().get(m.updates().size() - 1).note();
                items.add(reason == null || reason.isBlank() ? p("followup.problems.dropped", "measure", m.title())
                        : p("followup.problems.droppedBecause", "measure", m.title(), "reason", t(reason)));
            } else if (m.overdue(f.asOf())) {
                items.add(p("followup.problems.late", "measure", m.title(), "due", date(m.dueOn())));
            }
        }
        if (items.isEmpty()) {
            blocks.add(new Block.Paragraph(p("followup.problems.none")));
        } else {
            blocks.add(new Block.Bullets(items));
        }
    }
}
