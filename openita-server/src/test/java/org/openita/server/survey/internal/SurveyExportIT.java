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
        return r.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(r)).andReturn().getResponse() : r.getResponse();
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
        assertThat(header.subList(1, header.size())).containsExactlyElementsOf(iitKeys);
        assertThat(String.join(",", header)).doesNotContain("answered_on", "วันที่", "seconds", "identical", "burst");
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
        assertThat(eit.get(0).get(1)).contains("answered_on");
        assertThat(eit.get(0).toList().subList(2, 2 + eitKeys.size())).containsExactlyElementsOf(eitKeys);
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
        // the largest shortfall first (other tests' agencies share the list: compare the shortfalls, not positions)
        List<Integer> shortfalls = rows.stream().filter(r -> r[1].contains("data-testid=\"below\""))
                .map(r -> java.util.regex.Pattern.compile("ยังขาดอีก ([0-9,]+) คน").matcher(r[1]))
                .filter(java.util.regex.Matcher::find).map(m -> Integer.parseInt(m.group(1).replace(",", ""))).toList();
        assertThat(shortfalls).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String farRow = rows.stream().filter(r -> r[0].equals(far.code().value())).findFirst().orElseThrow()[1];
        assertThat(farRow).contains("0 / 100", "1 / 3", "ยังขาดอีก 102 คน");
        for (String sort : List.of("shortfall", "name", "iit", "eit")) {
            assertThat(html).contains("href=\"/surveys?year=" + year + "&amp;sort=" + sort + "\"");
        }
        String byName = fetch("/surveys?year=" + year + "&sort=name", central).getContentAsString(StandardCharsets.UTF_8);
        List<String> names = rows(byName).stream().map(r -> r[0]).toList();
        assertThat(names.indexOf(met.code().value())).isGreaterThanOrEqualTo(0);
        String metRow = rows(byName).stream().filter(r -> r[0].equals(met.code().value())).findFirst().orElseThrow()[1];
        assertThat(metRow).contains("5 / 5", "3 / 3", "ครบตามจำนวนขั้นต่ำแล้ว").doesNotContain("data-testid=\"below\"");
        assertThat(fetch("/surveys", fixtures.person(Role.AGENCY_ADMIN).of(met).create()).getStatus()).isEqualTo(403);
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
