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

    private void section(String title) {
        section++;
        blocks.add(new Block.Heading(1, n(section) + ".", title));
    }

    private ReportDocument build() {
        cover();
        introduction();
        if (!options.measuresWithheld()) {
            summary();
            details();
            problems();
        }
        return new ReportDocument("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. "
                + n(f.measuresYear()) + " " + f.agency().name(), f.agency().name(), blocks);
    }

    private String place() {
        return ((f.agency().district() == null ? "" : "อำเภอ" + f.agency().district() + " ")
                + (f.agency().province() == null ? "" : "จังหวัด" + f.agency().province())).trim();
    }

    private void cover() {
        List<String> agency = new ArrayList<>();
        agency.add(f.agency().name());
        if (!place().isEmpty()) {
            agency.add(place());
        }
        blocks.add(new Block.Cover(List.of("รายงานผลการดำเนินการตามมาตรการ", "ส่งเสริมคุณธรรมและความโปร่งใส",
                "ภายในหน่วยงาน", "ปีงบประมาณ พ.ศ. " + n(f.measuresYear())), agency, "ข้อมูล ณ วันที่ " + date(f.asOf()), options.logo()));
        blocks.add(new Block.PageBreak());
    }

    private void introduction() {
        section("บทนำ");
        StringBuilder sb = new StringBuilder("จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำ")
                .append(ThaiFormat.fiscalYear(f.assessmentYear(), digits)).append(" ").append(f.agency().name());
        if (f.overall() != null) {
            sb.append(" ได้คะแนน ").append(ThaiFormat.score(f.overall(), digits)).append(" คะแนน");
        }
        if (f.level() != null) {
            sb.append(" อยู่ในระดับ ").append(f.level());
        }
        if (options.measuresWithheld()) {
            sb.append(" ").append(ReportOptions.notConfirmed(n(f.measuresYear())));
            blocks.add(new Block.Paragraph(sb.toString()));
            return;
        }
        sb.append(" หน่วยงานได้วิเคราะห์ผลการประเมินและกำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส จำนวน ")
                .append(n(f.measures().size())).append(" มาตรการ ในปีงบประมาณ พ.ศ. ").append(n(f.measuresYear()))
                .append(" รายงานฉบับนี้สรุปผลการดำเนินการตามมาตรการดังกล่าวตามที่บันทึกไว้ ณ วันที่ ").append(date(f.asOf()));
        blocks.add(new Block.Paragraph(sb.toString()));
    }

    private void summary() {
        section("สรุปผลการดำเนินการ");
        Map<FollowUp.Status, Integer> count = new EnumMap<>(FollowUp.Status.class);
        f.measures().forEach(m -> count.merge(m.status(), 1, Integer::sum));
        long overdue = f.measures().stream().filter(m -> m.overdue(f.asOf())).count();
        List<List<String>> rows = new ArrayList<>();
        for (FollowUp.Status s : FollowUp.Status.values()) {
            rows.add(List.of(s.thai(), n(count.getOrDefault(s, 0))));
        }
        rows.add(List.of("เลยกำหนดแล้วเสร็จ", n(overdue)));
        rows.add(List.of("รวม", n(f.measures().size())));
        blocks.add(new Block.Table(List.of("สถานะ", "จำนวนมาตรการ"), rows, new float[] {4f, 2f}, new boolean[] {false, true}));
        List<List<String>> list = new ArrayList<>();
        int i = 0;
        for (FollowUp.Measure m : f.measures()) {
            i++;
            list.add(List.of(n(i), m.title(), m.unit() == null ? "–" : m.unit(), date(m.dueOn()),
                    m.status().thai() + (m.overdue(f.asOf()) ? " (เลยกำหนด)" : "")));
        }
        if (!list.isEmpty()) {
            blocks.add(new Block.Table(List.of("ที่", "มาตรการ", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ", "สถานะ"), list,
                    new float[] {0.7f, 5f, 2.4f, 2.4f, 2.6f}, new boolean[] {false, false, false, false, false}));
        }
    }

    private void details() {
        section("ผลการดำเนินการรายมาตรการ");
        int i = 0;
        for (FollowUp.Measure m : f.measures()) {
            i++;
            blocks.add(new Block.Heading(2, n(section) + "." + n(i), m.title()));
            List<List<String>> facts = new ArrayList<>();
            if (m.addresses() != null && !m.addresses().isBlank()) {
                facts.add(List.of("ประเด็นที่แก้ไข", t(m.addresses())));
            }
            facts.add(List.of("ผู้รับผิดชอบ", (m.unit() == null ? "–" : m.unit()) + (m.owner() == null || m.owner().isBlank() ? "" : " (" + m.owner() + ")")));
            facts.add(List.of("ระยะเวลา", date(m.startsOn()) + " ถึง " + date(m.dueOn())));
            facts.add(List.of("สถานะ", m.status().thai() + (m.overdue(f.asOf()) ? " (เลยกำหนดแล้วเสร็จ)" : "")));
            blocks.add(new Block.Table(List.of("หัวข้อ", "รายละเอียด"), facts, new float[] {2.4f, 8f}, new boolean[] {false, false}));
            if (!m.steps().isEmpty()) {
                blocks.add(new Block.Paragraph("ขั้นตอนการดำเนินการ"));
                blocks.add(new Block.Bullets(m.steps().stream().map(this::t).toList()));
            }
            if (!m.milestones().isEmpty()) {
                List<List<String>> ms = new ArrayList<>();
                for (FollowUp.Milestone x : m.milestones()) {
                    ms.add(List.of(t(x.label()), date(x.dueOn()), x.reachedOn() == null
                            ? (x.dueOn() != null && x.dueOn().isBefore(f.asOf()) ? "ยังไม่ได้ดำเนินการ (เลยกำหนด)" : "ยังไม่ถึง")
                            : "ดำเนินการแล้ว " + date(x.reachedOn())));
                }
                blocks.add(new Block.Table(List.of("การติดตามผล", "กำหนด", "ผล"), ms, new float[] {5f, 2.5f, 3.5f},
                        new boolean[] {false, false, false}));
            }
            if (m.updates().isEmpty()) {
                blocks.add(new Block.Paragraph("ยังไม่มีการบันทึกผลการดำเนินการ"));
            } else if (options.publicCopy()) {
                blocks.add(new Block.Table(List.of("วันที่", "สถานะ"), m.updates().stream().map(u -> List.of(date(u.on()), u.status().thai())).toList(),
                        new float[] {2.4f, 2.6f}, new boolean[] {false, false}));
            } else {
                List<List<String>> ups = new ArrayList<>();
                for (FollowUp.Update u : m.updates()) {
                    StringBuilder note = new StringBuilder(u.note() == null ? "" : t(u.note()));
                    for (String link : u.evidence()) {
                        note.append(note.length() == 0 ? "" : "\n").append("หลักฐาน: ").append(link);
                    }
                    ups.add(List.of(date(u.on()), u.status().thai(), note.toString()));
                }
                blocks.add(new Block.Table(List.of("วันที่", "สถานะ", "ผลการดำเนินการและหลักฐาน"), ups, new float[] {2.4f, 2.6f, 7f},
                        new boolean[] {false, false, false}));
            }
        }
        if (f.measures().isEmpty()) {
            blocks.add(new Block.Paragraph("หน่วยงานยังไม่ได้บันทึกมาตรการ"));
        }
    }

    private void problems() {
        section("ปัญหา อุปสรรค และแนวทางแก้ไข");
        List<String> items = new ArrayList<>();
        for (FollowUp.Measure m : f.measures()) {
            if (m.status() == FollowUp.Status.DROPPED) {
                String reason = m.updates().isEmpty() ? "" : m.updates().get(m.updates().size() - 1).note();
                items.add(m.title() + ": ยกเลิก" + (reason == null || reason.isBlank() ? "" : " เนื่องจาก" + t(reason)));
            } else if (m.overdue(f.asOf())) {
                items.add(m.title() + ": ยังไม่แล้วเสร็จตามกำหนด " + date(m.dueOn()) + " ควรเร่งรัดและรายงานผู้บริหาร");
            }
        }
        if (items.isEmpty()) {
            blocks.add(new Block.Paragraph("ไม่พบมาตรการที่ยกเลิกหรือเลยกำหนด การดำเนินการเป็นไปตามแผน"));
        } else {
            blocks.add(new Block.Bullets(items));
        }
    }
}
