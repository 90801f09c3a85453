package org.openita.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.analysis.IndicatorFinding;
import org.openita.core.analysis.ItemFinding;
import org.openita.core.analysis.ToolFindings;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.ToolCode;
import org.openita.core.scoring.LevelSource;
import org.openita.core.scoring.ScoreWarning;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * Builds the report from an analysis. Section numbers come from a counter, names and years from the
 * analysis, so nothing can drift the way copied text does.
 */
public final class ReportBuilder {

    /** Said of every announced figure. */
    static final String NACC = "สำนักงาน ป.ป.ช. ประกาศ";

    /**
     * Warnings that compare announced figures with recomputed ones: a check for the agency on its results page,
     * not part of the published report, where the announced figures are the result.
     */
    private static final java.util.Set<String> CHECKS = java.util.Set.of("OVERALL_DIFFERS", "FIGURE_DIFFERS", "LEVEL_DIFFERS");

    private final Analysis a;
    private final ReportOptions options;
    private final DigitStyle digits;
    private final List<Block> blocks = new ArrayList<>();
    private int section;
    private int subsection;

    private ReportBuilder(Analysis analysis, ReportOptions options) {
        this.a = analysis;
        this.options = options;
        this.digits = options.digits();
    }

    public static ReportDocument build(Analysis analysis, ReportOptions options) {
        return new ReportBuilder(analysis, options).build();
    }

    private String n(Object number) {
        return ThaiFormat.digits(String.valueOf(number), digits);
    }

    private String score(Double v) {
        return v == null ? "–" : ThaiFormat.score(v, digits);
    }

    private String change(Double v) {
        if (v == null) {
            return "–";
        }
        String s = ThaiFormat.score(Math.abs(v), digits);
        return v > 0.005 ? "+" + s : v < -0.005 ? "−" + s : ThaiFormat.score(0, digits);
    }

    private String year() {
        return n(a.framework().year().buddhistEra());
    }

    private String agencyName() {
        return a.agency().name();
    }

    private String agencyFull() {
        StringBuilder sb = new StringBuilder(agencyName());
        if (a.agency().district() != null) {
            sb.append(" อำเภอ").append(a.agency().district());
        }
        if (a.agency().province() != null) {
            sb.append(" จังหวัด").append(a.agency().province());
        }
        return sb.toString();
    }

    private void section(String title) {
        section++;
        subsection = 0;
        blocks.add(new Block.Heading(1, n(section) + ".", title));
    }

    private void subsection(String title) {
        subsection++;
        blocks.add(new Block.Heading(2, n(section) + "." + n(subsection), title));
    }

    private void para(String text) {
        blocks.add(new Block.Paragraph(text));
    }

    private ReportDocument build() {
        cover();
        introduction();
        rationale();
        results();
        analysisByTool();
        target();
        measures();
        appendix();
        String title = "รายงานการวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. " + year() + " " + agencyName();
        return new ReportDocument(title, agencyName(), blocks);
    }

    private void cover() {
        List<String> agency = new ArrayList<>();
        agency.add(agencyName());
        if (a.agency().district() != null || a.agency().province() != null) {
            agency.add(((a.agency().district() == null ? "" : "อำเภอ" + a.agency().district() + " ")
                    + (a.agency().province() == null ? "" : "จังหวัด" + a.agency().province())).trim());
        }
        blocks.add(new Block.Cover(List.of("รายงานการวิเคราะห์ผลการประเมิน",
                "คุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
                ThaiFormat.fiscalYear(a.framework().year(), digits)), agency,
                ThaiFormat.date(options.date(), digits), options.logo()));
        blocks.add(new Block.PageBreak());
    }

    private void introduction() {
        section("บทนำ");
        para("รายงานฉบับนี้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                + "(Integrity and Transparency Assessment: ITA) ของ" + agencyFull() + " ประจำ"
                + ThaiFormat.fiscalYear(a.framework().year(), digits) + " เพื่อชี้ให้เห็นจุดแข็งที่ควรรักษาไว้ "
                + "ประเด็นที่ต้องปรับปรุง และมาตรการที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. " + n(a.measuresYear())
                + " พร้อมผู้รับผิดชอบและกำหนดการติดตามผล");
        para(a.result().officialKeys().isEmpty() && a.result().levelSource() != LevelSource.OFFICIAL
                ? "ตัวเลขทุกค่าในรายงานนี้มาจากผลการประเมินของหน่วยงานโดยตรง และคำนวณตามเกณฑ์การประเมินของปีงบประมาณ พ.ศ. "
                        + year() + " ฉบับ " + n(a.framework().version()) + " ดังรายละเอียดในภาคผนวก"
                : "คะแนนและระดับในรายงานนี้เป็นผลการประเมินที่" + NACC + " คะแนนที่ไม่มีในผลที่ประกาศคำนวณจากคะแนนที่ประกาศ"
                        + "ตามเกณฑ์การประเมินของปีงบประมาณ พ.ศ. " + year() + " ฉบับ " + n(a.framework().version())
                        + " และระบุไว้ว่าเป็นคะแนนที่คำนวณ");
    }

    private void rationale() {
        section("หลักการและเหตุผล");
        para("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใส"
                + "ของหน่วยงานภาครัฐทุกปี เพื่อเป็นเครื่องมือเชิงบวกที่ช่วยให้หน่วยงานเห็นสถานะของตนเองและปรับปรุงการทำงาน"
                + "ให้โปร่งใส ตรวจสอบได้ และลดโอกาสการทุจริต การประเมินใช้เครื่องมือสามชุด ได้แก่ แบบวัดการรับรู้ของ"
                + "ผู้มีส่วนได้ส่วนเสียภายใน (IIT) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) และแบบวัดการเปิดเผย"
                + "ข้อมูลสาธารณะ (OIT) รวม " + n(a.framework().indicators().size()) + " ตัวชี้วัด");
        para("หน่วยงานที่ได้รับผลการประเมินแล้วต้องวิเคราะห์ผล กำหนดมาตรการเพื่อแก้ไขจุดอ่อน และรายงานผลการดำเนินการตามมาตรการ"
                + " รายงานฉบับนี้จัดทำขึ้นเพื่อการนั้น");
    }

    private void results() {
        section("ผลการประเมิน ประจำ" + ThaiFormat.fiscalYear(a.framework().year(), digits));
        String overall = score(a.overall());
        LocalizedText level = a.result().resultLevelName();
        boolean official = a.result().levelSource() == LevelSource.OFFICIAL;
        para(agencyFull() + " ได้คะแนนรวม " + overall + " คะแนน"
                + (level == null ? "" : " อยู่ในระดับ \"" + level.th() + "\"")
                + (official || a.result().overallOfficial() ? " ตามที่" + NACC : "")
                + (a.targetMet() == null ? "" : a.targetMet()
                        ? " ซึ่งบรรลุค่าเป้าหมายคะแนน " + n(fmt(a.target())) + " คะแนนขึ้นไป"
                        : " ซึ่งยังไม่ถึงค่าเป้าหมาย " + n(fmt(a.target())) + " คะแนน"));
        para(ThaiFormat.digits(a.levelExplanation().th(), digits));
        if (a.previousOverall() != null) {
            para("เมื่อเทียบกับปีงบประมาณ พ.ศ. " + n(a.framework().year().buddhistEra() - 1) + " ซึ่งได้ "
                    + score(a.previousOverall()) + " คะแนน คะแนนรวมเปลี่ยนแปลง " + change(a.overallChange()) + " คะแนน");
        }
        subsection("คะแนนรายตัวชี้วัด");
        boolean prev = a.ranked().stream().anyMatch(f -> f.previous() != null);
        List<String> header = prev
                ? List.of("ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "ปีก่อน", "ผลต่าง", "อันดับ")
                : List.of("ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "อันดับ");
        List<List<String>> rows = new ArrayList<>();
        List<IndicatorFinding> byNumber = a.ranked().stream().sorted((x, y) -> Integer.compare(x.number(), y.number())).toList();
        for (IndicatorFinding f : byNumber) {
            rows.add(prev
                    ? List.of(n(f.number()), f.name().th(), f.tool().name(), score(f.score()), score(f.previous()), change(f.change()), n(f.rank()))
                    : List.of(n(f.number()), f.name().th(), f.tool().name(), score(f.score()), n(f.rank())));
        }
        blocks.add(prev
                ? new Block.Table(header, rows, new float[] {0.8f, 4.4f, 1.8f, 1.7f, 1.7f, 1.7f, 1.5f},
                        new boolean[] {false, false, false, true, true, true, true})
                : new Block.Table(header, rows, new float[] {0.8f, 6f, 1.8f, 1.7f, 1.5f}, new boolean[] {false, false, false, true, true}));
        List<Block.Bar> bars = byNumber.stream().map(f -> new Block.Bar(n(f.number()) + " " + f.name().th(), f.score(),
                null, score(f.score()), null)).toList();
        blocks.add(new Block.BarChart("แผนภูมิคะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. " + year(), bars, "พ.ศ. " + year(), null));
        if (a.previous() != null) {
            String last = n(a.framework().year().buddhistEra() - 1);
            List<Block.Bar> yoy = new ArrayList<>();
            yoy.add(new Block.Bar("คะแนนรวม", a.overall(), a.previousOverall(), score(a.overall()), score(a.previousOverall())));
            byNumber.stream().filter(f -> f.previous() != null).forEach(f -> yoy.add(new Block.Bar(
                    n(f.number()) + " " + f.name().th(), f.score(), f.previous(), score(f.score()), score(f.previous()))));
            blocks.add(new Block.BarChart("แผนภูมิเปรียบเทียบกับปีงบประมาณ พ.ศ. " + last, yoy, "พ.ศ. " + year(), "พ.ศ. " + last));
        }

        subsection("คะแนนรายเครื่องมือ");
        List<List<String>> toolRows = new ArrayList<>();
        for (String key : a.framework().scoreKeys()) {
            LocalizedText name = org.openita.core.scoring.ScoringEngine.scoreName(a.framework(), key);
            String label = ThaiFormat.digits(name.th().equals(key)
                    ? key + " " + a.framework().tool(ToolCode.valueOf(key)).orElseThrow().name().th() : name.th(), digits);
            String w = a.framework().tool(toolOf(key)).filter(t -> t.code().name().equals(key))
                    .map(t -> n(fmt(t.weight() * 100)) + "%").orElse("–");
            toolRows.add(List.of(label, w, score(a.result().tools().get(key)), source(key, a.result().tools().get(key))));
        }
        boolean addsUp = rowsAddUpTo(a.overall());
        if (addsUp) {
            toolRows.add(List.of("คะแนนรวม", n(100) + "%", score(a.overall()), source("overall", a.overall())));
        }
        blocks.add(new Block.Table(List.of("เครื่องมือ", "น้ำหนัก", "คะแนน", "ที่มา"), toolRows, new float[] {6, 1.5f, 1.5f, 2.2f},
                new boolean[] {false, true, true, false}));
        if (!addsUp && a.overall() != null) {
            para("คะแนนรายเครื่องมือที่ระบุว่า \"คำนวณ\" ไม่มีในผลที่ประกาศ จึงคำนวณจากคะแนนรายตัวชี้วัดที่ประกาศตามน้ำหนักของเกณฑ์ปีงบประมาณ พ.ศ. "
                    + year() + " คะแนนรวมของหน่วยงานคือ " + score(a.overall()) + " คะแนน"
                    + (a.result().overallOfficial() ? " ตามที่" + NACC : ""));
        }
        if (a.framework().scoreKeys().stream().anyMatch(k -> a.result().tools().get(k) == null)) {
            para("เครื่องหมาย – หมายถึงยังไม่มีคะแนนส่วนนั้นในข้อมูลผลการประเมินที่นำเข้า");
        }
    }

    /** "ประกาศ" for a figure as the NACC announced it, "คำนวณ" for one recomputed from the announced figures. */
    private String source(String key, Double value) {
        if (value == null) {
            return "–";
        }
        return a.result().isOfficial(key) ? "ประกาศ" : "คำนวณ";
    }

    /** Whether the tool rows, weighted by the year's tool weights, give the overall printed below them. */
    private boolean rowsAddUpTo(Double overall) {
        if (overall == null) {
            return false;
        }
        double sum = 0;
        for (org.openita.core.framework.Tool t : a.framework().tools()) {
            Double v = a.result().tools().get(t.code().name());
            if (v == null) {
                return false;
            }
            sum += t.weight() * v;
        }
        return !org.openita.core.scoring.Rounding.differs(sum, overall);
    }

    private static ToolCode toolOf(String key) {
        return key.startsWith("EIT") ? ToolCode.EIT : ToolCode.valueOf(key);
    }

    private void analysisByTool() {
        section("การวิเคราะห์ผลรายเครื่องมือ");
        para("ส่วนนี้แยกผลตามเครื่องมือการประเมิน ระบุตัวชี้วัดที่เป็นจุดแข็ง ตัวชี้วัดที่ควรพัฒนา และประเด็นรายข้อที่ควรปรับปรุง"
                + " พร้อมข้อเสนอแนะและข้อ OIT ที่ใช้เป็นหลักฐานการดำเนินการ");
        for (ToolFindings t : a.byTool()) {
            subsection(t.name().th() + " (" + t.tool().name() + ")");
            para("คะแนน " + t.tool().name() + " เท่ากับ " + score(t.score()) + " คะแนน"
                    + (t.score() != null && !a.result().isOfficial(t.tool().name()) && !a.result().officialKeys().isEmpty()
                            ? " (คำนวณจากคะแนนรายตัวชี้วัดที่ประกาศ)" : ""));
            for (ToolFindings.PartScore p : t.parts()) {
                para(ThaiFormat.digits(p.name().th(), digits) + ": "
                        + (p.score() == null ? "ไม่มีคะแนนส่วนนี้ในข้อมูลที่นำเข้า" : score(p.score()) + " คะแนน")
                        + (p.itemScoresKnown() && p.items().isEmpty() ? " ทุกข้อผ่านเกณฑ์ ควรรักษามาตรฐานไว้" : ""));
                if (!p.items().isEmpty()) {
                    para("ประเด็นรายข้อที่มีคะแนนต่ำใน" + ThaiFormat.digits(p.name().th(), digits) + ":");
                    itemTable(p.items());
                }
            }
            if (!t.strengths().isEmpty()) {
                para("จุดแข็ง: " + t.strengths().stream().map(f -> "ตัวชี้วัดที่ " + n(f.number()) + " " + f.name().th()
                        + " (" + score(f.score()) + ")").collect(Collectors.joining(", "))
                        + " ควรรักษามาตรฐานการดำเนินงานนี้ไว้");
            }
            if (t.toImprove().isEmpty()) {
                para("ไม่มีตัวชี้วัดในเครื่องมือนี้ที่ต้องเร่งปรับปรุง");
            } else {
                List<String> items = new ArrayList<>();
                for (IndicatorFinding f : t.toImprove()) {
                    items.add("ตัวชี้วัดที่ " + n(f.number()) + " " + f.name().th() + " (" + score(f.score()) + ")"
                            + (f.standing() == IndicatorFinding.Standing.WEAKNESS ? " ต่ำกว่าเกณฑ์ ต้องแก้ไขโดยเร่งด่วน: " : ": ")
                            + f.advice().th());
                }
                para("ตัวชี้วัดที่ควรพัฒนา:");
                blocks.add(new Block.Bullets(items));
            }
            if (!t.items().isEmpty()) {
                para(t.itemScoresKnown()
                        ? "ประเด็นรายข้อที่มีคะแนนต่ำ พร้อมข้อเสนอแนะ:"
                        : "ข้อมูลที่นำเข้าไม่มีคะแนนรายข้อ จึงแสดงข้อคำถามของตัวชี้วัดที่ควรพัฒนาให้หน่วยงานพิจารณา พร้อมข้อเสนอแนะ:");
                itemTable(t.items());
            }
        }
    }

    private void itemTable(List<ItemFinding> items) {
        List<List<String>> rows = new ArrayList<>();
        for (ItemFinding i : items) {
            String related = i.related().stream().map(r -> r.code() + " " + r.title().th()).collect(Collectors.joining("\n"));
            rows.add(List.of(i.code(), i.summary().th() + (i.issue().th().isEmpty() ? "" : " — " + i.issue().th()),
                    score(i.score()), i.action().th(), related.isEmpty() ? "–" : related));
        }
        blocks.add(new Block.Table(List.of("ข้อ", "ประเด็น", "คะแนน", "ข้อเสนอแนะ", "ข้อ OIT ที่เกี่ยวข้อง"), rows,
                new float[] {0.9f, 3.8f, 1.6f, 4f, 3f}, new boolean[] {false, false, true, false, false}));
    }

    private void target() {
        section("ค่าเป้าหมายปีงบประมาณ พ.ศ. " + n(a.measuresYear()));
        if (a.suggestedTarget() == null) {
            para("ยังไม่ทราบคะแนนรวม จึงยังไม่กำหนดค่าเป้าหมาย");
            return;
        }
        para("หน่วยงานตั้งเป้าหมายคะแนนรวมปีงบประมาณ พ.ศ. " + n(a.measuresYear()) + " ไม่น้อยกว่า " + score(a.suggestedTarget())
                + " คะแนน (ลดช่องว่างจากคะแนนเต็มลงหนึ่งในสี่ และไม่ต่ำกว่าเกณฑ์ผ่าน " + n(fmt(a.target())) + " คะแนน)"
                + " และทุกตัวชี้วัดไม่ต่ำกว่าคะแนนของปีนี้");
    }

    private void measures() {
        section("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. " + n(a.measuresYear()));
        if (options.measuresWithheld()) {
            para(ReportOptions.notConfirmed(n(a.measuresYear())));
            return;
        }
        para(options.confirmedMeasures()
                ? "หน่วยงานกำหนดมาตรการต่อไปนี้เพื่อแก้ไขประเด็นจากผลการประเมิน พร้อมขั้นตอน ผู้รับผิดชอบ และกำหนดการติดตามผล"
                : "ร่างมาตรการต่อไปนี้จัดทำจากผลการวิเคราะห์ หน่วยงานควรพิจารณาปรับแก้และยืนยันก่อนเผยแพร่");
        if (a.measures().isEmpty()) {
            para("ไม่มีตัวชี้วัดที่ต้องกำหนดมาตรการเพิ่มเติม หน่วยงานควรรักษามาตรฐานการดำเนินงานเดิมไว้");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (DraftMeasure m : a.measures()) {
            i++;
            StringBuilder steps = new StringBuilder();
            for (int s = 0; s < m.steps().size(); s++) {
                steps.append(s == 0 ? "" : "\n").append(n(s + 1)).append(". ").append(m.steps().get(s).th());
            }
            String follow = ((m.progressDate() == null ? "" : "รายงานความก้าวหน้า " + ThaiFormat.date(m.progressDate(), digits) + "\n")
                    + (m.dueDate() == null ? "" : "แล้วเสร็จ " + ThaiFormat.date(m.dueDate(), digits))).strip();
            String addresses = m.addresses().th().isBlank() ? "" : " (" + ThaiFormat.digits(m.addresses().th(), digits) + ")";
            rows.add(List.of(n(i), m.measure().th() + addresses, steps.toString(), m.unit(), follow.isEmpty() ? "–" : follow));
        }
        blocks.add(new Block.Table(List.of("ที่", "มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "การติดตามผล"), rows,
                new float[] {0.7f, 3.4f, 4.6f, 2f, 2.8f}, new boolean[] {false, false, false, false, false}));
    }

    private void appendix() {
        blocks.add(new Block.Heading(1, "", "ภาคผนวก: ที่มาของข้อมูลและเกณฑ์"));
        FrameworkDefinition d = a.framework();
        para("คำนวณตามเกณฑ์การประเมิน " + ThaiFormat.digits(d.title().th(), digits) + " ฉบับ " + n(d.version())
                + " น้ำหนักเครื่องมือ IIT : EIT : OIT = " + d.tools().stream().map(t -> n(fmt(t.weight() * 100))).collect(Collectors.joining(" : "))
                + " คะแนนแสดงทศนิยมสองตำแหน่งแบบปัดครึ่งขึ้น");
        List<ScoreWarning> notes = a.result().warnings().stream().filter(w -> !CHECKS.contains(w.code())).toList();
        if (!notes.isEmpty()) {
            para("ข้อควรทราบจากการคำนวณ:");
            blocks.add(new Block.Bullets(notes.stream().map(ScoreWarning::message)
                    .map(t -> ThaiFormat.digits(t.th(), digits)).toList()));
        }
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
