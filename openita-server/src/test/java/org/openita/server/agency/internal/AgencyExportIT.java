package org.openita.server.agency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;

/**
 * The registry export read back with Commons CSV: every cell as stored, quotes, commas, line breaks and Thai
 * intact, one record per agency with as many cells as headers, and what a spreadsheet would run as a formula
 * written as text behind an apostrophe (plain numbers stay numbers).
 */
class AgencyExportIT extends ServerTestSupport {


    /** This test's own codes (ADR 0020): the export holds every test's agencies, this test reads only these. */
    final String x1 = Fixtures.unique("CSV");
    final String x2 = Fixtures.unique("CSV");

    /** One row of the registry's columns, in order. */
    final List<String> tricky = List.of(x1, "อบต. \"ทดสอบ\", เมือง", "=HYPERLINK(\"http://evil.example/x\",\"คลิก\")", "อบต.", "S",
            "-1.5", "", "@SUM(1+1)", "บรรทัดแรก\nบรรทัดสอง, มี \"คำพูด\"", "https://example.go.th/?a=1,2", "12", "+ฝ่ายแผน; กองคลัง");
    final List<String> expected = List.of(x1, "อบต. \"ทดสอบ\", เมือง", "'=HYPERLINK(\"http://evil.example/x\",\"คลิก\")", "องค์การบริหารส่วนตำบล", "S",
            "-1.5", "", "'@SUM(1+1)", "บรรทัดแรก\nบรรทัดสอง, มี \"คำพูด\"", "https://example.go.th/?a=1,2", "12", "'+ฝ่ายแผน; กองคลัง");

    @Test
    void theExportReadsBackCellForCellWithFormulasMadeText() throws Exception {
        StringWriter file = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(file, CSVFormat.DEFAULT)) {
            p.printRecord(AgencyColumns.thaiHeaders());
            p.printRecord(tricky);
            p.printRecord(List.of(x2, "เทศบาลตำบลธรรมดา", "", "เทศบาลตำบล", "", "", x1, "ขอนแก่น", "เมือง", "", "", ""));
        }
        var report = registry.importFile("test", "tricky.csv", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(report.problems()).isEmpty();

        byte[] csv = mvc.perform(get("/agencies/export.csv").with(user("central").roles("CENTRAL_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(AgencyColumns.thaiHeaders());
        assertThat(records).allSatisfy(r -> assertThat(r.size()).as("record " + r.getRecordNumber()).isEqualTo(AgencyColumns.thaiHeaders().size()));
        Map<String, List<String>> byCode = records.stream().skip(1).map(CSVRecord::toList)
                .collect(Collectors.toMap(r -> r.get(0), Function.identity())); // one record per agency: a code twice would throw
        assertThat(byCode.get(x1)).isEqualTo(expected);
        assertThat(byCode.get(x2)).containsExactly(x2, "เทศบาลตำบลธรรมดา", "", "เทศบาลตำบล", "", "", x1, "ขอนแก่น", "เมือง", "",
                "", "");

        // the export imports back unchanged: the apostrophes that made formulas text come off again
        Agency before = registry.find(AgencyCode.of(x1)).orElseThrow();
        assertThat(registry.importFile("test", "agencies.csv", new ByteArrayInputStream(csv), AgencyRegistry.Mode.ALL_OR_NOTHING).problems()).isEmpty();
        assertThat(registry.find(AgencyCode.of(x1)).orElseThrow()).isEqualTo(before);
        assertThat(before.nameEn()).isEqualTo("=HYPERLINK(\"http://evil.example/x\",\"คลิก\")");
    }
}
