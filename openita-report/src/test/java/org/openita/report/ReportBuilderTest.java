package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;

class ReportBuilderTest {

    static String allText(ReportDocument d) {
        StringBuilder sb = new StringBuilder();
        for (Block b : d.blocks()) {
            if (b instanceof Block.Heading h) {
                sb.append(h.full());
            } else if (b instanceof Block.Paragraph p) {
                sb.append(p.text());
            } else if (b instanceof Block.Bullets l) {
                l.items().forEach(sb::append);
            } else if (b instanceof Block.Table t) {
                t.header().forEach(h -> sb.append(h).append('\t'));
                t.rows().forEach(r -> r.forEach(sb::append));
            } else if (b instanceof Block.SignOff s) {
                sb.append(s.heading()).append('\n');
                s.signers().forEach(lines -> lines.forEach(l -> sb.append(l).append('\n')));
            } else if (b instanceof Block.Cover c) {
                c.title().forEach(sb::append);
                c.agency().forEach(sb::append);
                sb.append(c.date());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void containsEverySection() throws Exception {
        ReportDocument d = SamdetReport.document(DigitStyle.THAI);
        List<String> sections = d.blocks().stream().filter(b -> b instanceof Block.Heading h && h.level() == 1)
                .map(b -> ((Block.Heading) b).text()).toList();
        assertThat(sections).hasSize(6);
        assertThat(sections.get(0)).isEqualTo("บทนำ");
        assertThat(sections.get(1)).isEqualTo("หลักการและเหตุผล");
        assertThat(sections.get(2)).startsWith("ผลการประเมิน");
        assertThat(sections.get(3)).isEqualTo("การวิเคราะห์จุดแข็งและจุดที่ควรพัฒนา");
        assertThat(sections.get(4)).startsWith("ค่าเป้าหมาย");
        assertThat(sections.get(5)).startsWith("มาตรการ");
        assertThat(d.blocks().get(d.blocks().size() - 1)).isInstanceOf(Block.SignOff.class);
        assertThat(d.blocks()).filteredOn(b -> b instanceof Block.BarChart).hasSize(2);
        assertThat(d.blocks().get(0)).isInstanceOf(Block.Cover.class);
    }

    @Test
    void arabicDigitsOptionLeavesNoThaiDigits() throws Exception {
        String text = allText(SamdetReport.document(DigitStyle.ARABIC));
        assertThat(text).contains("99.17", "2568", "15 ตุลาคม 2568").doesNotContainPattern("[๐-๙]");
    }

    @Test
    void thaiDigitsOptionPrintsBuddhistEraDatesInThaiDigits() throws Exception {
        String text = allText(SamdetReport.document(DigitStyle.THAI));
        assertThat(text).contains("๑๕ ตุลาคม ๒๕๖๘", "๓๑ มีนาคม ๒๕๖๙", "๙๙.๑๗");
        assertThat(text).doesNotContainPattern("(?<![A-Za-z_])[0-9]{2}\\.[0-9]{2}"); // no score left in Arabic digits
    }

    @Test
    void lowQuestionsOfEachEitPartAreListedUnderThatPart() throws Exception {
        var d = org.openita.core.framework.FrameworkLoader.shipped(2568);
        java.util.Map<String, org.openita.core.scoring.QuestionEvidence> qs = new java.util.HashMap<>();
        for (var q : d.questions()) {
            String best = q.scale().equals("yes-no") ? "no" : q.scale().equals("never-ever") ? (q.code().equals("e3") ? "never" : "ever")
                    : q.direction() == org.openita.core.framework.Direction.NEGATIVE ? "1" : "6";
            var t = org.openita.core.scoring.Tally.of(java.util.Map.of(best, 20L));
            qs.put(q.code(), q.tool() == org.openita.core.framework.ToolCode.EIT
                    ? new org.openita.core.scoring.QuestionEvidence.Tallies(java.util.Map.of("EIT_PUBLIC", java.util.Map.of("", t), "EIT_SURVEY", java.util.Map.of("", t)))
                    : org.openita.core.scoring.QuestionEvidence.Tallies.whole(t));
        }
        qs.put("e6", new org.openita.core.scoring.QuestionEvidence.Tallies(java.util.Map.of(
                "EIT_PUBLIC", java.util.Map.of("", org.openita.core.scoring.Tally.of(java.util.Map.of("6", 20L))),
                "EIT_SURVEY", java.util.Map.of("", org.openita.core.scoring.Tally.of(java.util.Map.of("3", 20L))))));
        var r = org.openita.core.scoring.ScoringEngine.score(d, org.openita.core.scoring.AssessmentInput.empty(
                org.openita.core.framework.FiscalYear.of(2568)).withQuestions(qs));
        var analysis = org.openita.core.analysis.Analyzer.analyze(d, r, null, org.openita.core.analysis.AgencyProfile.named("เทศบาลตำบลทดสอบ"),
                org.openita.core.framework.KnowledgeBaseLoader.shipped(2568), org.openita.core.analysis.AnalysisOptions.DEFAULT);
        String text = allText(ReportBuilder.build(analysis, new ReportOptions(DigitStyle.ARABIC, SamdetReport.DATE, null, false)));
        assertThat(text).contains("EIT ส่วนที่ 1 (ผู้รับบริการตอบด้วยตนเอง) ได้ 100.00 คะแนน ไม่ต่ำกว่าเกณฑ์ 85 คะแนน",
                "ทุกข้อคำถามของ EIT ส่วนที่ 1 (ผู้รับบริการตอบด้วยตนเอง) ได้คะแนนไม่ต่ำกว่า 85 คะแนน",
                "EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล) ได้ 93.33 คะแนน", "e6หน่วยงานสื่อสารและตอบข้อสงสัยได้ชัดเจน", "40.00");
    }

    @Test
    void surveyCountsAndTheirShortfallAreWrittenInTheDocumentsDigitsWithoutClaimingTheMinimumIsOfficial() throws Exception {
        var survey = new ReportOptions.SurveyBasis(7, 12, 0, java.util.List.of(
                new ReportOptions.BelowMinimum(ReportOptions.Respondents.SERVICE_USERS, 12, 20)));
        // scores computed here (nothing announced), as they are from an agency's own survey
        var d = org.openita.core.framework.FrameworkLoader.shipped(2568);
        var r = org.openita.core.scoring.ScoringEngine.score(d, org.openita.core.scoring.AssessmentInput.empty(
                org.openita.core.framework.FiscalYear.of(2568)));
        var computed = org.openita.core.analysis.Analyzer.analyze(d, r, null, org.openita.core.analysis.AgencyProfile.named("เทศบาลตำบลทดสอบ"),
                org.openita.core.framework.KnowledgeBaseLoader.shipped(2568), org.openita.core.analysis.AnalysisOptions.DEFAULT);
        String thai = allText(ReportBuilder.build(computed,
                new ReportOptions(DigitStyle.THAI, SamdetReport.DATE, null, false, false, survey)));
        assertThat(thai).contains("คำตอบของผู้รับบริการ (EIT ส่วนที่ ๑) ๑๒ ชุด")
                .contains("แบบวัด EIT ส่วนที่ ๑ ได้คำตอบ ๑๒ ชุด จากจำนวนขั้นต่ำ ๒๐ ชุด")
                .doesNotContain("ส่วนที่ 1").doesNotContain("ที่หลักเกณฑ์กำหนดสำหรับหน่วยงาน");
        String arabic = allText(ReportBuilder.build(computed,
                new ReportOptions(DigitStyle.ARABIC, SamdetReport.DATE, null, false, false, survey)));
        assertThat(arabic).contains("แบบวัด EIT ส่วนที่ 1 ได้คำตอบ 12 ชุด จากจำนวนขั้นต่ำ 20 ชุด");
    }

    @Test
    void htmlIsOneSelfContainedPageWithEscapedText() throws Exception {
        String html = HtmlRenderer.render(SamdetReport.document(DigitStyle.THAI));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"th\">", "<svg", "<thead>",
                "องค์การบริหารส่วนตำบลสมเด็จ", "๙๙.๑๗", "font/ttf;base64").doesNotContain("<script");
        assertThat(HtmlRenderer.esc("<a href=\"x\">&")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;");
    }
}
