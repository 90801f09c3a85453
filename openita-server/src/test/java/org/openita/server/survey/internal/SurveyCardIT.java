package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The surveys card of an agency's page: what a manager and a viewer see, the printable kits, and IIT slips (numbering
 * that continues, codes that check against the year's key, an audit entry with the count only, bad counts refused).
 */
class SurveyCardIT extends ServerTestSupport {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;
    @Autowired
    SurveyKeys keys;

    private SurveyYears openYear() {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 3);
        clock.setToday(y.surveyDay());
        windows.forget();
        return y;
    }

    private String page(Agency a, Person who) throws Exception {
        return mvc.perform(get("/agency/" + a.code()).with(who.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void managersGetTheLinksKitsAndSlipsViewersOnlyTheCounts() throws Exception {
        SurveyYears y = openYear();
        Agency a = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(a.code(), y.definition(), 3);
        new SurveyResponses(jdbc).eit(a.code(), y.definition(), y.surveyDay(), 2);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person viewer = fixtures.person(Role.VIEWER).seeing(a.code()).create();

        String html = page(a, admin);
        assertThat(html).contains("data-testid=\"surveys\"", "ปีงบประมาณ พ.ศ. " + y.year().buddhistEra(), "กำลังเปิดรับคำตอบ")
                .contains("value=\"" + publicBaseUrl() + "/s/iit/" + a.code() + "\"", "value=\"" + publicBaseUrl() + "/s/eit/" + a.code() + "\"");
        // 40 staff: 10 IIT responses by the provisional table; EIT part 1 by the year's default, set to 3 here
        assertThat(row(html, "IIT")).contains(">3<", ">10<", "ยังขาดอีก 7 ชุด", "(ค่าชั่วคราว)");
        assertThat(row(html, "EIT_PUBLIC")).contains(">2<", ">3<", "ยังขาดอีก 1 ชุด");
        assertThat(html).contains("data-testid=\"surveys-provisional\"", "ลิงก์ IIT จะรับคำตอบเฉพาะผู้ที่มีบัตรเท่านั้น");
        assertThat(html).doesNotContain("data-testid=\"iit-csv\"").contains("data-testid=\"iit-too-few\"");
        assertThat(html).as("the shipped questions are our summaries: the manager is told").contains("data-testid=\"wording-provisional\"");

        String viewed = page(a, viewer);
        assertThat(row(viewed, "IIT")).contains(">3<", ">10<");
        assertThat(viewed).doesNotContain("data-testid=\"iit-link\"", "eit-poster.pdf", "data-testid=\"slips-form\"", "eit.csv");

        int year = y.year().buddhistEra();
        for (String kit : List.of("eit-poster", "eit-card", "iit-poster")) {
            String href = "/agency/" + a.code() + "/surveys/" + year + "/" + kit + ".pdf";
            assertThat(html).contains("href=\"" + href + "\"");
            MockHttpServletResponse r = mvc.perform(get(href).with(admin.signedIn())).andReturn().getResponse();
            assertThat(r.getStatus()).as(kit).isEqualTo(200);
            assertThat(r.getContentType()).isEqualTo("application/pdf");
            assertThat(new String(r.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(flat(text(r.getContentAsByteArray()))).as(kit).contains(flat(a.nameTh()));
            String header = r.getHeader("Content-Disposition");
            assertThat(header).startsWith("attachment").contains("filename*=UTF-8''");
            String disposition = java.net.URLDecoder.decode(header.substring(header.indexOf("filename*=UTF-8''") + 17), StandardCharsets.UTF_8);
            assertThat(disposition).startsWith(kit.equals("eit-card") ? "ป้ายตั้งโต๊ะ" : "โปสเตอร์")
                    .contains(kit.startsWith("eit") ? "EIT" : "IIT", a.code().value()).endsWith(".pdf");
            assertThat(disposition.split(Integer.toString(year), -1)).as("the year once in " + disposition).hasSize(2);
            assertThat(mvc.perform(get(href).with(viewer.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
    }

    @Test
    void withoutAStaffCountTheIitHasNoMinimumAndTheCardSaysWhere() throws Exception {
        openYear();
        Agency a = fixtures.agency().create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        String html = page(a, admin);
        assertThat(row(html, "IIT")).contains("ยังไม่ได้กำหนด (ยังไม่ได้กรอกจำนวนบุคลากร)").doesNotContain("ยังขาดอีก");
        assertThat(html).contains("data-testid=\"staff-missing\"");
        // the link to the staff-count form shows when the calendar lets this person edit the agency's data, which it then holds
        assertThat(html.contains("data-testid=\"staff-link\"")).isEqualTo(html.contains("id=\"staff-count\""));
    }

    @Test
    void twoPrintsOfSlipsContinueTheNumberingAndEveryCodeChecksOut() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().staff(12).create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        String slips = "/agency/" + a.code() + "/surveys/" + year + "/slips";

        List<String> first = codes(mvc.perform(post(slips).param("count", "3").with(admin.signedIn()).with(csrf())).andReturn().getResponse());
        List<String> second = codes(mvc.perform(post(slips).param("count", "๒").with(admin.signedIn()).with(csrf())).andReturn().getResponse());
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        SurveyKeys.Key key = keys.slips(year);
        List<Integer> serials = new ArrayList<>();
        for (String c : concat(first, second)) {
            SlipCodes.Slip s = SlipCodes.read(c).orElseThrow();
            assertThat(SlipCodes.valid(key.secret(), year, a.code(), s)).as(c).isTrue();
            serials.add(s.serial());
        }
        assertThat(serials).containsExactly(1, 2, 3, 4, 5);
        assertThat(issued(a, year)).isEqualTo(5);
        assertThat(page(a, admin)).contains("พิมพ์บัตรของปีนี้ไปแล้ว 5 ใบ");

        var audits = jdbc.sql("select cast(after_data as text) from audit_event where action = 'SURVEY_SLIPS_PRINTED' and subject = ? order by id")
                .param("agency:" + a.code()).query(String.class).list();
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0).replace(" ", "")).contains("\"slips\":3");
        assertThat(audits.get(1).replace(" ", "")).contains("\"slips\":2");
        for (String c : concat(first, second)) {
            assertThat(String.join(" ", audits)).doesNotContain(c).doesNotContain(c.replace("-", ""));
        }

        // refused, in Thai or English, and nothing numbered
        for (String bad : List.of("0", "2001", "abc", "", "-1", "1.5")) {
            MockHttpServletResponse r = mvc.perform(post(slips).param("count", bad).with(admin.signedIn()).with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as(bad).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("จำนวนบัตรต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 2,000 ใบ");
        }
        MockHttpServletResponse en = mvc.perform(post(slips).param("count", "0").param("lang", "en").with(admin.signedIn()).with(csrf()))
                .andReturn().getResponse();
        assertThat(en.getContentAsString(StandardCharsets.UTF_8)).contains("The number of slips must be a whole number from 1 to 2,000");
        assertThat(mvc.perform(post(slips).param("count", "3").with(admin.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);
        Person staff = fixtures.person(Role.AGENCY_STAFF).of(a).create();
        assertThat(mvc.perform(post(slips).param("count", "3").with(staff.signedIn()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(issued(a, year)).isEqualTo(5);
    }

    private int issued(Agency a, int year) {
        return jdbc.sql("select issued from survey_slip_issue where agency_code = ? and fiscal_year = ?").params(a.code().value(), year)
                .query(Integer.class).single();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The slip codes printed in a slips PDF, each once. */
    private static List<String> codes(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/pdf");
        Matcher m = CODE.matcher(text(r.getContentAsByteArray()));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The progress table's row of a part. */
    static String row(String html, String part) {
        int at = html.indexOf("data-part=\"" + part + "\"");
        assertThat(at).as("row " + part).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
