package org.openita.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The one CSV writer: what a spreadsheet would run becomes text, everything else reads back as it was written. */
class CsvOutTest {

    @Test
    void wouldBeFormulasGetAnApostropheAndPlainNumbersStayNumbers() {
        for (String formula : List.of("=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+66 81 234 5678", "-ขอนแก่น", "-", "@SUM(A1:A2)", "\tแท็บ",
                "\r=1", "--1", "-1.5.2", "+", "-1,5")) {
            assertThat(CsvOut.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String plain : List.of("-1.5", "+3", "-0", "-.5", "-1e5", "1.5", "91.25", "ชื่อ = ค่า", "a@b", "", "'text", "'-1.5")) {
            assertThat(CsvOut.cell(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(CsvOut.cell(null)).isEmpty();
    }

    @Test
    void aFileReadsBackWithItsRowsColumnsAndCells() throws Exception {
        List<String> header = List.of("รหัส", "ชื่อ", "หมายเหตุ", "ตัวเลข");
        List<List<String>> rows = List.of(
                Arrays.asList("A-1", "อบต. \"ทดสอบ\", เมือง", "บรรทัดแรก\r\nบรรทัดสอง", "-1.5"),
                Arrays.asList("A-2", "=HYPERLINK(\"http://evil.example\",\"คลิก\")", "@SUM(1+1)", "+1"),
                Arrays.asList("A-3", null, "", "0"));
        byte[] bytes = CsvOut.of(header, rows);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").endsWith("\r\n");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r.size()).isEqualTo(4));
        List<List<String>> back = new ArrayList<>();
        records.forEach(r -> back.add(r.toList()));
        assertThat(back).containsExactly(header,
                List.of("A-1", "อบต. \"ทดสอบ\", เมือง", "บรรทัดแรก\r\nบรรทัดสอง", "-1.5"),
                List.of("A-2", "'=HYPERLINK(\"http://evil.example\",\"คลิก\")", "'@SUM(1+1)", "+1"),
                List.of("A-3", "", "", "0"));
    }

    @Test
    void whatWasWrittenReadsBackExactlyApostrophesIncluded() {
        for (String value : List.of("=1+1", "'=1+1", "''=1+1", "@SUM(A1)", "-ขอนแก่น", "-1.5", "'text", "'", "''", "ชื่อ", "", "+66 81")) {
            assertThat(CsvOut.readBack(CsvOut.cell(value))).as(value).isEqualTo(value);
        }
        assertThat(CsvOut.cell("'=1+1")).isEqualTo("''=1+1");
        assertThat(CsvOut.readBack("'=1+1")).isEqualTo("=1+1");
        assertThat(CsvOut.readBack("'ข้อความ")).isEqualTo("'ข้อความ");
    }

    @Test
    void noOtherClassPrintsCsv() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().doNotHaveFullyQualifiedName(CsvOut.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(org.apache.commons.csv.CSVPrinter.class.getName())
                .because("every CSV goes through CsvOut and its cell policy")
                .check(new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.openita"));
    }
}
