package org.openita.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.QuestionEvidence;

class ScoreInputReaderTest {

    private static Optional<FrameworkDefinition> shipped(int year) {
        return FrameworkLoader.findShipped(year);
    }

    private static List<InputProblem> problems(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> ScoreInputReader.read(json, ScoreInputReaderTest::shipped))
                .problems();
    }

    @Test
    void acceptsAnySensibleSubsetAndThaiDigits() {
        var read = ScoreInputReader.read("""
                {"agency": "อบต.ทดสอบ", "year": "๒๕๖๘", "indicators": {"๑": "๙๙.๘๙", "2": 100},
                 "tools": {"EIT_PUBLIC": 97.5}, "overall": 99.17, "level": "ผ่านดี",
                 "questions": {"e1": {"parts": {"EIT_SURVEY": {"tally": {"6": 10, "5": 2}}}},
                               "i3": {"score": 100}},
                 "oit": {"o1": {"components": {"1": true, "2": false}}, "o2": {"score": 100}}}
                """, ScoreInputReaderTest::shipped);
        var in = read.input();
        assertThat(in.year().buddhistEra()).isEqualTo(2568);
        assertThat(in.indicators()).containsEntry(1, 99.89).containsEntry(2, 100.0);
        assertThat(in.tools()).containsEntry("EIT_PUBLIC", 97.5);
        assertThat(in.questions().get("i3")).isEqualTo(new QuestionEvidence.Score(100));
        assertThat(in.oit().get("o1")).isInstanceOf(OitEvidence.Verdicts.class);
        assertThat(in.publishedLevel()).isEqualTo("ผ่านดี");
    }

    @Test
    void onlyAnOverallIsEnough() {
        assertThat(ScoreInputReader.read("{\"year\": 2566, \"overall\": 96}", ScoreInputReaderTest::shipped)
                .input().overall()).isEqualTo(96.0);
    }

    @Test
    void everyProblemNamesItsFieldAndWhatWasExpected() {
        List<InputProblem> p = problems("""
                {"year": 2568, "overal": 99, "indicators": {"11": 50, "3": 120},
                 "tools": {"EIT_PART3": 90, "IIT": "high"},
                 "questions": {"i99": {"score": 1}, "e1": {"tally": {"7": 3}}, "i1": {"tally": {"6": -1}}},
                 "oit": {"o9": {"score": 50}, "o1": {"components": {"9": true}}}, "level": "ดีมาก"}
                """);
        assertThat(p).extracting(InputProblem::field).containsExactlyInAnyOrder(
                "overal", "indicators.11", "indicators.3", "tools.EIT_PART3", "tools.IIT", "questions.i99",
                "questions.e1.tally.7", "questions.i1.tally.6", "oit.o9.score", "oit.o1.components.9", "level");
        assertThat(p).filteredOn(x -> x.field().equals("indicators.3")).singleElement()
                .satisfies(x -> assertThat(x.en()).isEqualTo("a score must be between 0 and 100, found 120.0"));
        assertThat(p).filteredOn(x -> x.field().equals("tools.IIT")).singleElement()
                .satisfies(x -> assertThat(x.th()).startsWith("ต้องเป็นตัวเลข"));
    }

    @Test
    void partsThatTheYearDoesNotHaveAreRejected() {
        assertThat(problems("{\"year\": 2565, \"tools\": {\"EIT_PUBLIC\": 90}}")).singleElement()
                .satisfies(x -> assertThat(x.en()).startsWith("fiscal year 2565 has no score \"EIT_PUBLIC\""));
    }

    @Test
    void aMissingOrUnknownYearIsExplained() {
        assertThat(problems("{\"overall\": 90}")).extracting(InputProblem::field).containsExactly("year");
        assertThat(problems("{\"year\": 2590}")).singleElement()
                .satisfies(x -> assertThat(x.en()).isEqualTo("no framework definition is known for fiscal year 2590"));
    }

    @Test
    void aProblemQuotesAtMostFortyCharactersOfWhatWasSentWithControlCharactersSpelledOut() {
        String level = "ผ่าน" + "ก".repeat(400);
        String overall = "x\u0007" + "y".repeat(300);
        List<InputProblem> p = problems("{\"year\": 2568, \"level\": \"" + level + "\", \"overall\": \"" + overall.replace("\u0007", "\\u0007")
                + "\", \"questions\": {\"" + "q".repeat(200) + "\": {\"score\": 1}}}");
        assertThat(p).hasSize(3).allSatisfy(x -> {
            assertThat(x.en()).doesNotContain("ก".repeat(41)).doesNotContain("y".repeat(41)).doesNotContain("q".repeat(41)).doesNotContain("\u0007");
            assertThat(x.th()).doesNotContain("ก".repeat(41)).doesNotContain("y".repeat(41)).doesNotContain("q".repeat(41));
        });
        assertThat(p).filteredOn(x -> x.field().equals("overall")).singleElement()
                .satisfies(x -> assertThat(x.en()).startsWith("expected a number, found \"x\\u0007yyy").endsWith("…"));
    }

    @Test
    void malformedJsonGivesTheLine() {
        assertThat(problems("{\"year\": 2568,\n \"overall\": }")).singleElement()
                .satisfies(x -> assertThat(x.en()).startsWith("not valid JSON (line 2"));
        assertThat(problems("[1, 2]")).singleElement()
                .satisfies(x -> assertThat(x.en()).isEqualTo("the document must be a JSON object { ... }"));
    }

    @Test
    void theAgencyMayCarryItsSignOffInPrintingOrder() {
        var read = ScoreInputReader.read("""
                {"agency": {"name": "องค์การบริหารส่วนตำบลทดสอบ", "signOff": [
                   {"role": "prepared", "position": "นักวิเคราะห์นโยบายและแผนปฏิบัติการ", "name": "นางสาวใจดี มีสุข"},
                   {"role": "approved", "position": "  นายกองค์การบริหารส่วนตำบล  "},
                   {"role": "reviewed", "position": "ปลัดองค์การบริหารส่วนตำบล", "name": ""}]},
                 "year": 2568, "overall": 90}
                """, ScoreInputReaderTest::shipped);
        assertThat(read.agency().signOff()).containsExactly(
                new org.openita.core.analysis.Signatory(org.openita.core.analysis.Signatory.Role.PREPARED, "นางสาวใจดี มีสุข",
                        "นักวิเคราะห์นโยบายและแผนปฏิบัติการ"),
                new org.openita.core.analysis.Signatory(org.openita.core.analysis.Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบล"),
                new org.openita.core.analysis.Signatory(org.openita.core.analysis.Signatory.Role.REVIEWED, null, "ปลัดองค์การบริหารส่วนตำบล"));
        assertThat(ScoreInputReader.read("{\"agency\": {\"name\": \"อบต.ก\"}, \"year\": 2568}", ScoreInputReaderTest::shipped)
                .agency().signOff()).isEmpty();
    }

    @Test
    void aBadSignOffIsExplainedFieldByFieldInThaiAndEnglish() {
        String longText = "ก".repeat(151);
        List<InputProblem> p = problems("""
                {"agency": {"name": "อบต.ก", "signOff": [
                   {"role": "checked", "position": "ปลัด"},
                   {"role": "prepared"},
                   {"role": "prepared", "position": "ซ้ำ"},
                   {"position": "ไม่มีบทบาท", "phone": "0812345678"},
                   {"role": "approved", "position": "%s", "name": "บรรทัด\\nสอง"},
                   "ไม่ใช่ออบเจกต์"]},
                 "year": 2568}
                """.formatted(longText));
        assertThat(p).extracting(InputProblem::field).containsExactly(
                "agency.signOff[0].role", "agency.signOff[1].position", "agency.signOff[2].role", "agency.signOff[3].phone",
                "agency.signOff[3].role", "agency.signOff[4].position", "agency.signOff[4].name", "agency.signOff[5]");
        assertThat(p.get(0).en()).isEqualTo("unknown role \"checked\" (allowed: prepared, reviewed, approved)");
        assertThat(p.get(0).th()).contains("ไม่รู้จักบทบาท");
        assertThat(p.get(1).en()).isEqualTo("the signatory's position is required");
        assertThat(p.get(1).th()).isEqualTo("ต้องระบุตำแหน่งของผู้ลงนาม");
        assertThat(p.get(2).en()).contains("given twice");
        assertThat(p.get(5).en()).isEqualTo("longer than 150 characters");
        assertThat(p.get(6).en()).isEqualTo("must be a single line without control characters");
        assertThat(problems("{\"agency\": {\"name\": \"อบต.ก\", \"signOff\": {\"role\": \"prepared\"}}, \"year\": 2568}"))
                .singleElement().satisfies(x -> assertThat(x.field()).isEqualTo("agency.signOff"));
    }
}
