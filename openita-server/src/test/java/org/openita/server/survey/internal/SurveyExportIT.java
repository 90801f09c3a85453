package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of survey responses (rows equal to what is stored; IIT without a day or quality signal, in the order of the
 * random ids, refused under five for everyone) and the central administrator's progress list (below a minimum first,
 * sortable through plain links).
 */
class SurveyExportIT extends ServerTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;

    private SurveyYears year(int eitDefault) {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, eitDefault);
        clock.setToday(y.surveyDay());
        windows.forget();
        return y;
    }

    private MockHttpServletResponse fetch(String path, Person who) throws Exception {
        MvcResult r = mvc.perform(get(path).with(who.signedIn())).andReturn();
        if (!r.getRequest().isAsyncStarted()) {
            return r.getResponse();
        }
        r.getAsyncResult(120_000); // a streamed file on a machine shared with other builds can take longer than MockMvc's 10 s
        return mvc.perform(asyncDispatch(r)).andReturn().getResponse();
    }

    /** The stored answers of an agency's year and part, in the export's order (by the random id, or by day and id). */
    private List<Map<String, String>> stored(Agency a, SurveyYears y, SurveyPart part) {
        return jdbc.sql("select cast(answers as text) from survey_response where agency_code = ? and fiscal_year = ? and part = ?"
                        + (part == SurveyPart.IIT ? " order by id" : " order by answered_on, id"))
                .params(a.code().value(), y.year().buddhistEra(), part.code()).query(String.class).list().stream()
                .map(t -> JSON.readValue(t, new TypeReference<Map<String, String>>() {
                })).toList();
    }

    private static List<CSVRecord> csv(MockHttpServletResponse r) throws Exception {
        byte[] b = r.getContentAsByteArray();
        assertThat(Arrays.copyOf(b, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return CSVFormat.DEFAULT.parse(new StringReader(new String(b, 3, b.length - 3, StandardCharsets.UTF_8))).getRecords();
    }

    private static List<List<String>> xlsx(MockHttpServletResponse r) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < wb.getSheetAt(0).getRow(0).getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void anAgencysExportsHoldWhatWasStoredAndTheIitNoDayNorSignal() throws Exception {
        SurveyYears y = year(3);
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().staff(20).create();
        SurveyResponses responses = new SurveyResponses(jdbc);
        responses.iit(a.code(), y.definition(), 6);
        responses.eit(a.code(), year, y.surveyDay(), SurveyResponses.answers(y.definition(), SurveyPart.EIT_PUBLIC, 1), 75, false, 0);
        responses.eit(a.code(), year, y.surveyDay().plusDays(1), SurveyResponses.answers(y.definition(), SurveyPart.EIT_PUBLIC, 2), 12, true, 4);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        List<String> iitKeys = SurveyResponses.keys(y.definition(), SurveyPart.IIT);
        List<String> eitKeys = SurveyResponses.keys(y.definition(), SurveyPart.EIT_PUBLIC);
        String base = "/agency/" + a.code() + "/surveys/" + year;

        MockHttpServletResponse iitCsv = fetch(base + "/iit.csv", admin);
        assertThat(iitCsv.getStatus()).isEqualTo(200);
        assertThat(iitCsv.getContentType()).startsWith("text/csv");
        List<CSVRecord> iit = csv(iitCsv);
        List<String> header = iit.get(0).toList();
        assertThat(keysOf(header.subList(1, header.size()))).containsExactlyElementsOf(iitKeys);
        assertThat(String.join(",", header)).doesNotContain("answered_on", "วันที่", "seconds", "identical", "burst",
                "เวลาที่ใช้ตอบ", "ตอบตัวเลือกลำดับเดียวกันทุกข้อ", "ในหนึ่งนาทีก่อนหน้า");
        List<Map<String, String>> iitStored = stored(a, y, SurveyPart.IIT);
        assertThat(iit).hasSize(7);
        for (int i = 0; i < iitStored.size(); i++) {
            List<String> row = iit.get(i + 1).toList();
            assertThat(row.get(0)).isEqualTo(a.code().value());
            for (int k = 0; k < iitKeys.size(); k++) {
                assertThat(row.get(k + 1)).isEqualTo(iitStored.get(i).get(iitKeys.get(k)));
            }
        }
        List<List<String>> iitX = xlsx(fetch(base + "/iit.xlsx", admin));
        assertThat(iitX).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(iitX.get(i)).containsExactlyElementsOf(iit.get(i).toList());
        }
        assertThat(java.net.URLDecoder.decode(iitCsv.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("คำตอบแบบสำรวจ IIT " + a.code() + " ปีงบประมาณ " + year + ".csv");

        List<CSVRecord> eit = csv(fetch(base + "/eit.csv", admin));
        assertThat(eit.get(0).toList()).hasSize(eitKeys.size() + 5);
        assertThat(eit.get(0).get(1)).isEqualTo("วันที่ตอบ");
        assertThat(keysOf(eit.get(0).toList().subList(2, 2 + eitKeys.size()))).containsExactlyElementsOf(eitKeys);
        List<Map<String, String>> eitStored = stored(a, y, SurveyPart.EIT_PUBLIC);
        assertThat(eit).hasSize(3);
        assertThat(eit.get(1).get(1)).isEqualTo(y.surveyDay().toString());
        assertThat(eit.get(2).get(1)).isEqualTo(y.surveyDay().plusDays(1).toString());
        assertThat(eit.get(1).toList().subList(2 + eitKeys.size(), eitKeys.size() + 5)).containsExactly("75", "false", "0");
        assertThat(eit.get(2).toList().subList(2 + eitKeys.size(), eitKeys.size() + 5)).containsExactly("12", "true", "4");
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < eitKeys.size(); k++) {
                assertThat(eit.get(i + 1).get(k + 2)).isEqualTo(eitStored.get(i).get(eitKeys.get(k)));
            }
        }
        List<List<String>> eitX = xlsx(fetch(base + "/eit.xlsx", admin));
        assertThat(eitX.get(2)).containsExactlyElementsOf(eit.get(2).toList());
    }

    @Test
    void exportsSayWhatEachColumnIsAndGiveNumbersAndLabelsInThaiOrEnglish() throws Exception {
        SurveyYears y = year(3);
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().staff(20).create();
        SurveyResponses responses = new SurveyResponses(jdbc);
        responses.iit(a.code(), y.definition(), 5);
        responses.eit(a.code(), year, y.surveyDay(), SurveyResponses.answers(y.definition(), SurveyPart.EIT_PUBLIC, 1), 75, false, 0);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        String base = "/agency/" + a.code() + "/surveys/" + year;
        org.openita.core.survey.Questionnaire iitQ = org.openita.core.survey.Questionnaire.of(y.definition(), SurveyPart.IIT.tool(), "IIT");
        org.openita.core.survey.Questionnaire.Item first = iitQ.items().get(0);
        String firstKey = first.fields().get(0).answerKey();

        // CSV: the header gives the number, the short wording and the key, in Thai, or in English when asked so
        List<String> th = csv(fetch(base + "/iit.csv", admin)).get(0).toList();
        assertThat(th.get(0)).isEqualTo("รหัสหน่วยงาน");
        assertThat(th.get(1)).isEqualTo("ข้อ 1 " + first.question().summary().th() + " [" + firstKey + "]");
        List<String> en = csv(fetch(base + "/iit.csv?lang=en", admin)).get(0).toList();
        assertThat(en.get(0)).isEqualTo("Agency code");
        assertThat(en.get(1)).isEqualTo("Q1 " + first.question().summary().en() + " [" + firstKey + "]");

        // XLSX: numeric option codes are numbers, others text as the definition gives them; two legend sheets
        byte[] iitXlsx = fetch(base + "/iit.xlsx", admin).getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "exports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "exports", "iit-th.xlsx"), iitXlsx); // for a person to open
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(iitXlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("คำตอบ IIT");
            var answers = wb.getSheetAt(0);
            assertThat(answers.getRow(0).getCell(1).getStringCellValue()).isEqualTo(th.get(1));
            List<Map<String, String>> stored = stored(a, y, SurveyPart.IIT);
            List<String> keys = SurveyResponses.keys(y.definition(), SurveyPart.IIT);
            int numbers = 0;
            int texts = 0;
            for (int r = 1; r <= stored.size(); r++) {
                for (int k = 0; k < keys.size(); k++) {
                    var cell = answers.getRow(r).getCell(k + 1);
                    String code = stored.get(r - 1).get(keys.get(k));
                    if (code.chars().allMatch(Character::isDigit)) {
                        assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).isEqualTo(Double.parseDouble(code));
                        numbers++;
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                        assertThat(cell.getStringCellValue()).isEqualTo(code);
                        texts++;
                    }
                }
            }
            assertThat(numbers).isPositive();
            assertThat(texts).isPositive(); // the yes/no questions keep "yes" and "no"

            var columns = wb.getSheet("คำอธิบายคอลัมน์");
            assertThat(columns).isNotNull();
            assertThat(columns.getRow(0).getCell(0).getStringCellValue()).isEqualTo("คอลัมน์");
            assertThat(columns.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A");
            assertThat(columns.getRow(1).getCell(4).getStringCellValue()).contains("รหัสของหน่วยงาน");
            var q1 = columns.getRow(2);
            assertThat(List.of(q1.getCell(0).getStringCellValue(), q1.getCell(2).getStringCellValue(), q1.getCell(3).getStringCellValue(),
                    q1.getCell(4).getStringCellValue(), q1.getCell(5).getStringCellValue()))
                    .containsExactly("B", firstKey, "1", first.question().summary().th(), first.scale().name().th());
            assertThat(q1.getCell(6).getStringCellValue()).contains("ตัวเลือกคำตอบ");
            String all = sheetText(columns);
            assertThat(all).contains("ไม่มีวันหรือเวลาที่ตอบ").doesNotContain("วันที่ตอบ", "เวลาที่ใช้ตอบ");

            var options = wb.getSheet("ตัวเลือกคำตอบ");
            assertThat(options).isNotNull();
            List<String> lines = new ArrayList<>();
            for (Row row : options) {
                if (row.getRowNum() > 0) {
                    var code = row.getCell(1);
                    String c = code.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Long.toString((long) code.getNumericCellValue()) : code.getStringCellValue();
                    lines.add(row.getCell(0).getStringCellValue() + "|" + c + "|" + row.getCell(2).getStringCellValue());
                }
            }
            for (var option : first.scale().options()) {
                assertThat(lines).contains(first.scale().name().th() + "|" + option.code() + "|" + option.label().th());
            }
            assertThat(lines).contains("มี / ไม่มี|yes|มี", "มี / ไม่มี|no|ไม่มี");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fetch(base + "/eit.xlsx?lang=en", admin).getContentAsByteArray()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("EIT part 1 answers");
            assertThat(wb.getSheetName(1)).isEqualTo("Columns");
            assertThat(wb.getSheetName(2)).isEqualTo("Answer options");
            var head = wb.getSheetAt(0).getRow(0);
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("Day answered");
            assertThat(head.getCell(head.getLastCellNum() - 3).getStringCellValue()).isEqualTo("Time to complete (seconds)");
            var row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(head.getLastCellNum() - 3).getNumericCellValue()).isEqualTo(75);
            assertThat(sheetText(wb.getSheetAt(1))).contains("Seconds from opening the survey", "Short wording")
                    .doesNotContain("Nothing in this file identifies");
            assertThat(sheetText(wb.getSheetAt(2))).contains("Never", "Ever");
        }
    }

    private static String sheetText(org.apache.poi.ss.usermodel.Sheet sheet) {
        StringBuilder b = new StringBuilder();
        DataFormatter f = new DataFormatter();
        for (Row row : sheet) {
            row.forEach(c -> b.append(f.formatCellValue(c)).append('\t'));
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void fewerThanFiveIitResponsesAreShownToNobodyOneByOne() throws Exception {
        SurveyYears y = year(3);
        int year = y.year().buddhistEra();
        Agency few = fixtures.agency().create();
        Agency enough = fixtures.agency().create();
        SurveyResponses responses = new SurveyResponses(jdbc);
        responses.iit(few.code(), y.definition(), 4);
        responses.iit(enough.code(), y.definition(), 5);
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(few).create();

        for (Person who : List.of(admin, central)) {
            MockHttpServletResponse r = fetch("/agency/" + few.code() + "/surveys/" + year + "/iit.csv", who);
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.getContentType()).startsWith("text/html");
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("ส่งออกคำตอบ IIT ไม่ได้: มีผู้ตอบ 4 คน ซึ่งน้อยกว่า 5 คน");
        }
        assertThat(fetch("/agency/" + few.code() + "/surveys/" + year + "/iit.xlsx?lang=en", admin).getContentAsString(StandardCharsets.UTF_8))
                .contains("IIT answers cannot be exported: 4 people answered, fewer than 5.");

        List<CSVRecord> national = csv(fetch("/surveys/" + year + "/iit.csv", central));
        assertThat(national.stream().skip(1).map(r -> r.get(0)).toList())
                .containsOnly(enough.code().value()).hasSize(5);
        List<List<String>> nationalX = xlsx(fetch("/surveys/" + year + "/iit.xlsx", central));
        assertThat(nationalX).hasSize(6);
        assertThat(fetch("/surveys/" + year + "/iit.csv", admin).getStatus()).isEqualTo(403);
    }

    @Test
    void theCentralListPutsAgenciesBelowAMinimumFirstAndSortsThroughLinks() throws Exception {
        SurveyYears y = year(3);
        int year = y.year().buddhistEra();
        // far below: 1,000 staff need 100 IIT responses, and the EIT default here is 3
        Agency far = fixtures.agency().named("กกก หน่วยงานขาดมาก " + Fixtures0.unique()).staff(1000).create();
        Agency met = fixtures.agency().named("กกก หน่วยงานครบ " + Fixtures0.unique()).type(AgencyType.SAO).staff(5).create();
        SurveyResponses responses = new SurveyResponses(jdbc);
        responses.iit(met.code(), y.definition(), 5);
        responses.eit(met.code(), y.definition(), y.surveyDay(), 3);
        responses.eit(far.code(), y.definition(), y.surveyDay(), 1);
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();

        String html = fetch("/surveys", central).getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("ความคืบหน้าแบบสำรวจของทุกหน่วยงาน", "ปีงบประมาณ พ.ศ. " + year);
        List<String[]> rows = rows(html);
        assertThat(rows).isNotEmpty();
        // every row below a minimum comes before every row that is not
        boolean seenMet = false;
        for (String[] r : rows) {
            boolean below = r[1].contains("data-testid=\"below\"");
            assertThat(below && seenMet).as("a row below its minimum after one that is not: " + r[0]).isFalse();
            seenMet |= !below;
        }
        // the furthest from a minimum first, as a share of that minimum (other tests' agencies share the list: compare, not positions)
        List<Double> gaps = rows.stream().filter(r -> r[1].contains("data-testid=\"below\"")).map(r -> Math.max(gap(r[1], "iit"), gap(r[1], "eit"))).toList();
        assertThat(gaps).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String farRow = rows.stream().filter(r -> r[0].equals(far.code().value())).findFirst().orElseThrow()[1];
        // each part against its own minimum, never added together
        assertThat(farRow.replaceAll("\\s+", " ")).contains("<span>0 / 100</span><small class=\"shortfall\" data-testid=\"iit-short\">ยังขาดอีก 100 ชุด</small>",
                "<span>1 / 3</span><small class=\"shortfall\" data-testid=\"eit-short\">ยังขาดอีก 2 ชุด</small>",
                "IIT และ EIT ส่วนที่ 1 ยังไม่ถึงขั้นต่ำ").doesNotContain("ยังขาดอีก 102 ชุด");
        assertThat(html).contains("data-testid=\"counted-at\"", "นับจำนวนผู้ตอบเมื่อ");
        for (String sort : List.of("shortfall", "iit-short", "eit-short", "name", "iit", "eit")) {
            assertThat(html).contains("href=\"/surveys?year=" + year + "&amp;sort=" + sort + "\"");
        }
        for (String part : List.of("iit", "eit")) {
            List<String[]> byPart = rows(fetch("/surveys?year=" + year + "&sort=" + part + "-short", central).getContentAsString(StandardCharsets.UTF_8));
            List<Integer> shorts = byPart.stream().map(r -> shortfall(r[1], part)).toList();
            assertThat(shorts).as(part).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(shorts.get(0)).as(part).isPositive();
        }
        // other tests' agencies share the list (a page holds 100): the agency is found by its code
        String byName = fetch("/surveys?year=" + year + "&sort=name&q=" + met.code().value(), central).getContentAsString(StandardCharsets.UTF_8);
        List<String> names = rows(byName).stream().map(r -> r[0]).toList();
        assertThat(names).as("looked for by its code, the agency alone").containsExactly(met.code().value());
        assertThat(byName).contains("name=\"q\"", "value=\"" + met.code().value() + "\"");
        String metRow = rows(byName).stream().filter(r -> r[0].equals(met.code().value())).findFirst().orElseThrow()[1];
        assertThat(metRow).contains("5 / 5", "3 / 3", "ครบตามจำนวนขั้นต่ำแล้ว").doesNotContain("data-testid=\"below\"");
        assertThat(fetch("/surveys", fixtures.person(Role.AGENCY_ADMIN).of(met).create()).getStatus()).isEqualTo(403);
    }

    /** The share of a part's minimum still missing in a row of the list (0 when met or without a minimum). */
    private static double gap(String row, String part) {
        var m = java.util.regex.Pattern.compile("data-testid=\"" + part + "\"><span>([0-9,]+) / ([0-9,]+)</span>").matcher(row);
        if (!m.find()) {
            return 0;
        }
        int got = Integer.parseInt(m.group(1).replace(",", ""));
        int min = Integer.parseInt(m.group(2).replace(",", ""));
        return got >= min ? 0 : (double) (min - got) / min;
    }

    /** A part's shortfall in a row of the list (0 when none is shown). */
    private static int shortfall(String row, String part) {
        var m = java.util.regex.Pattern.compile("data-testid=\"" + part + "-short\">ยังขาดอีก ([0-9,]+) ชุด").matcher(row);
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
    }

    /** The answer keys of headers written "ข้อ 4.1 wording [i4.a]". */
    private static List<String> keysOf(List<String> headers) {
        return headers.stream().map(h -> h.substring(h.lastIndexOf('[') + 1, h.length() - 1)).toList();
    }

    /** The rows of the list: the agency code and the row's HTML. */
    private static List<String[]> rows(String html) {
        String[] parts = html.split("<tr data-code=\"");
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            out.add(new String[] {parts[i].substring(0, parts[i].indexOf('"')), parts[i].substring(0, parts[i].indexOf("</tr>"))});
        }
        return out;
    }

    /** Names no other test uses. */
    private static final class Fixtures0 {
        static String unique() {
            return org.openita.server.testing.Fixtures.unique("n");
        }
    }
}
