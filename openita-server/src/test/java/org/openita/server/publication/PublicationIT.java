package org.openita.server.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.agency.AgencyCode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.identity.Role;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.openita.server.testing.Fixtures.Person;
import org.openita.server.agency.AgencyType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public page of a published agency year, signed out, and the open data of a year, streamed. */
class PublicationIT extends ServerTestSupport {

    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");

    @Autowired
    ResultImports imports;
    @Autowired
    CycleService cycles;

    /** This test's two agencies with 2566 results (and 2563 for the first), and the first one's administrator. */
    private record Two(String p1, String p2, Person admin) {
        RequestPostProcessor asAdmin() {
            return admin.signedIn();
        }
    }

    private Two agenciesWithResults() {
        String p1 = fixtures.agency().named("องค์การบริหารส่วนตำบลสาธารณะ").in("เมือง", "ขอนแก่น").create().code().value();
        String p2 = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named("เทศบาลตำบลข้อมูลเปิด, สาขา").create().code().value();
        importResults("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,IIT,EIT,OIT\n"
                + p1 + ",2566,91.25,ผ่านดี,95,90,89.38\n" + p2 + ",2566,72.5,,,,\n" + p1 + ",2563,88,,,,\n");
        return new Two(p1, p2, fixtures.person(Role.AGENCY_ADMIN).of(p1).create());
    }

    private void importResults(String csv) {
        try {
            assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true).problems())
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The open data of a year is announced by the year's calendar. These tests need a year whose framework is shipped
     * (results are imported under it), so they save 2566's default calendar, the same whichever test saves it first;
     * and they rely on 2563 having none (no test saves one), so its open data stays unannounced (ADR 0020's exception).
     */
    private void announce2566() {
        assertThat(cycles.save("test", FiscalYear.of(2566), CycleCalendar.defaults(FiscalYear.of(2566)))).isEmpty();
    }

    private MvcResult get200(String path, RequestPostProcessor... who) throws Exception {
        var req = get(path);
        for (RequestPostProcessor w : who) {
            req = req.with(w);
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn();
    }

    @Test
    void aPublishedYearIsOpenToEveryoneAtItsStableAddress() throws Exception {
        Two t = agenciesWithResults();
        mvc.perform(get("/public/" + t.p1() + "/2566")).andExpect(status().isNotFound());
        mvc.perform(get("/public/" + t.p1() + "/2566/report.pdf")).andExpect(status().isNotFound());
        mvc.perform(post("/agency/" + t.p1() + "/publication/2566").with(t.asAdmin()).with(csrf())).andExpect(status().is3xxRedirection());
        String page = get200("/public/" + t.p1() + "/2566").getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("องค์การบริหารส่วนตำบลสาธารณะ", "91.25", "data-testid=\"public-indicators\"", "/public/" + t.p1() + "/2566/report.pdf")
                .doesNotContain("data-testid=\"current-user\"");
        byte[] pdf = get200("/public/" + t.p1() + "/2566/report.pdf").getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] followUp = get200("/public/" + t.p1() + "/2566/follow-up.pdf").getResponse().getContentAsByteArray();
        assertThat(new String(followUp, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/public/" + t.p1() + "/2563")).andExpect(status().isNotFound()); // another year is not published

        // the public copies name the responsible units, not the people
        var form = new org.openita.server.measures.MeasureForm();
        form.setTitle("มาตรการเผยแพร่ข้อมูล");
        form.setUnit("สำนักปลัด");
        form.setOwner("นางสาวสมใจ ใจดี");
        editing.create(t.admin().username(), AgencyCode.of(t.p1()), FiscalYear.of(2566), form);
        confirmation.confirm(t.admin().username(), AgencyCode.of(t.p1()), FiscalYear.of(2566));
        // the public copy follows the confirmation once its event is handled, after the commit
        long until = System.nanoTime() + 20_000_000_000L;
        while (!get200("/public/" + t.p1() + "/2566").getResponse().getContentAsString(StandardCharsets.UTF_8).contains("มาตรการเผยแพร่ข้อมูล")) {
            assertThat(System.nanoTime()).as("the public page follows the confirmation").isLessThan(until);
            Thread.sleep(50);
        }
        for (String report : List.of("report.docx", "follow-up.docx")) {
            String publicText = docxText(get200("/public/" + t.p1() + "/2566/" + report).getResponse().getContentAsByteArray());
            String ownText = docxText(get200("/agency/" + t.p1() + "/" + (report.startsWith("report") ? "results/2566/" : "measures/2566/") + report, t.asAdmin())
                    .getResponse().getContentAsByteArray());
            assertThat(publicText).as(report).contains("มาตรการเผยแพร่ข้อมูล", "สำนักปลัด").doesNotContain("สมใจ");
            assertThat(ownText).as(report).contains("นางสาวสมใจ ใจดี");
        }
        mvc.perform(get("/public/" + t.p2() + "/2566")).andExpect(status().isNotFound());
        mvc.perform(post("/agency/" + t.p1() + "/publication/2566").param("publish", "false").with(t.asAdmin()).with(csrf()));
        mvc.perform(get("/public/" + t.p1() + "/2566")).andExpect(status().isNotFound());
    }

    private static String docxText(byte[] docx) throws Exception {
        try (var ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx)))) {
            return ex.getText();
        }
    }

    private String download(String path, RequestPostProcessor... who) throws Exception {
        MvcResult started = get200(path, who);
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void openDataForTheCentralAdministratorAndForEveryoneOnceAnnounced() throws Exception {
        Two t = agenciesWithResults();
        mvc.perform(get("/open-data/2563.csv")).andExpect(status().isNotFound());
        String csv = download("/open-data/2563.csv", CENTRAL);
        assertThat(csv).startsWith("\uFEFFรหัสหน่วยงาน,ชื่อหน่วยงาน");
        announce2566();
        String announced = download("/open-data/2566.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(announced.substring(1))).getRecords();
        CSVRecord p1 = rows.stream().filter(r -> r.get("รหัสหน่วยงาน").equals(t.p1())).findFirst().orElseThrow();
        assertThat(p1.get("คะแนนรวม")).isEqualTo("91.25");
        assertThat(p1.get("ระดับผลการประเมิน")).isEqualTo("ผ่านดี");
        assertThat(p1.get("OIT")).isEqualTo("89.38");
        assertThat(p1.get("จังหวัด")).isEqualTo("ขอนแก่น");
        CSVRecord p2 = rows.stream().filter(r -> r.get("รหัสหน่วยงาน").equals(t.p2())).findFirst().orElseThrow();
        assertThat(p2.get("ชื่อหน่วยงาน")).isEqualTo("เทศบาลตำบลข้อมูลเปิด, สาขา");
        JsonNode json = JsonMapper.builder().build().readTree(download("/open-data/2566.json"));
        assertThat(json.isArray()).isTrue();
        JsonNode first = null;
        for (JsonNode n : json) {
            if (n.path("agencyCode").asString().equals(t.p1())) {
                first = n;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.path("publishedOverall").decimalValue()).isEqualByComparingTo("91.25");
        assertThat(first.path("agency").asString()).isEqualTo("องค์การบริหารส่วนตำบลสาธารณะ");
        assertThat(get200("/open-data").getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("/open-data/2566.csv")
                .doesNotContain("/open-data/2563.csv");
        mvc.perform(get("/open-data/2566.xml")).andExpect(status().isNotFound());
    }

    // ---- one public view for every public route -------------------------------------------------------------

    static final String NAME = "นายสมชาย ทองดี";
    static final String PHONE = "081-234-5678";
    static final String LINK = "http://intranet.pv.local/secret/minutes.pdf";
    static final String LATE_DRAFT = "มาตรการเพิ่มหลังยืนยันยังไม่ผ่านการยืนยัน";
    static final String UNCONFIRMED = "มาตรการในแผนที่หน่วยงานยังไม่ยืนยัน";
    static final String CONFIRMED = "มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง";
    /** What must never reach a public answer, in both digit styles the reports print. */
    private static List<String> neverPublic(String adminUsername) {
        return List.of(NAME, "ทองดี", PHONE, ThaiFormat.digits(PHONE, DigitStyle.THAI), "intranet.pv.local", LATE_DRAFT, UNCONFIRMED, adminUsername);
    }

    /** The public routes this test knows how to try, with the formats of each; any other public route fails the test. */
    static final Map<String, List<String>> PUBLIC_ROUTES = Map.of(
            "/public/{code}/{year}", List.of(""),
            "/public/{code}/{year}/report.{format}", List.of("pdf", "docx", "html"),
            "/public/{code}/{year}/follow-up.{format}", List.of("pdf", "docx", "html"),
            "/open-data", List.of(""),
            "/open-data/{year}.{format}", List.of("csv", "json"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    org.openita.server.results.OfficialResults officialResults;

    /** This test's two agencies: the first with a confirmed plan, the second never confirmed; the first one's administrator. */
    private record Sensitive(String pv1, String pv2, Person admin) {
    }

    private Sensitive twoAgenciesWithSensitivePlans() {
        String pv1 = fixtures.agency().named("องค์การบริหารส่วนตำบลยืนยันแล้ว").create().code().value();
        String pv2 = fixtures.agency().named("องค์การบริหารส่วนตำบลยังไม่ยืนยัน").create().code().value();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(pv1).create();
        String actor = admin.username();
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n"
                + pv1 + ",2566,84.10,90,88,95,92,80,70,75,72,85,90\n" + pv2 + ",2566,83.20,90,88,95,92,80,70,75,72,85,90\n";
        importResults(csv);
        // the first: a confirmed plan whose progress names a person, their phone and an intranet link; a measure added after confirming
        long confirmed = measure(actor, pv1, CONFIRMED, NAME);
        progress.recordProgress(actor, AgencyCode.of(pv1), FiscalYear.of(2566), confirmed, "IN_PROGRESS", "ประสานงานกับ" + NAME + " โทร " + PHONE, LINK, List.of());
        confirmation.confirm(actor, AgencyCode.of(pv1), FiscalYear.of(2566));
        long late = measure(actor, pv1, LATE_DRAFT, NAME);
        progress.recordProgress(actor, AgencyCode.of(pv1), FiscalYear.of(2566), late, "DROPPED", "ยกเลิกตามที่ " + NAME + " แจ้ง โทร " + PHONE, LINK, List.of());
        // the second: the same, never confirmed
        long draft = measure(actor, pv2, UNCONFIRMED, NAME);
        progress.recordProgress(actor, AgencyCode.of(pv2), FiscalYear.of(2566), draft, "IN_PROGRESS", "โทร " + PHONE + " " + NAME, LINK, List.of());
        return new Sensitive(pv1, pv2, admin);
    }

    private long measure(String actor, String code, String title, String owner) {
        var form = new org.openita.server.measures.MeasureForm();
        form.setTitle(title);
        form.setUnit("กองกลาง");
        form.setOwner(owner);
        form.setSteps("จัดทำประกาศ\nเผยแพร่บนเว็บไซต์");
        return editing.create(actor, AgencyCode.of(code), FiscalYear.of(2566), form).id();
    }

    /** Every GET route under /public and /open-data, from the handler mappings. */
    private List<String> publicPatterns() {
        List<String> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> m = info.getMethodsCondition().getMethods();
            if (m.isEmpty() || m.contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/public") || p.startsWith("/open-data")).forEach(out::add);
            }
        }
        return out;
    }

    private List<String> paths(String pattern, String code) {
        return PUBLIC_ROUTES.get(pattern).stream().map(f -> pattern.replace("{code}", code).replace("{year}", "2566").replace("{format}", f)).toList();
    }

    /** Without white space, as PDF text breaks lines inside words. */
    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * An answer as a reader sees it, without white space: PDF text through PDFBox, DOCX through POI, anything else as
     * text (HTML also without its tags).
     */
    private static String text(String path, MockHttpServletResponse response) throws Exception {
        return squash(rawText(path, response));
    }

    private static String rawText(String path, MockHttpServletResponse response) throws Exception {
        byte[] body = response.getContentAsByteArray();
        if (path.endsWith(".pdf")) {
            assertThat(new String(body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PDDocument pdf = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        if (path.endsWith(".docx")) {
            return docxText(body);
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        return raw + "\n" + HtmlUtils.htmlUnescape(raw.replaceAll("<[^>]+>", " "));
    }

    private MockHttpServletResponse answer(String path, RequestPostProcessor... who) throws Exception {
        var req = get(path);
        for (RequestPostProcessor w : who) {
            req = req.with(w);
        }
        MvcResult r = mvc.perform(req).andReturn();
        return r.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(r)).andReturn().getResponse() : r.getResponse();
    }

    @Test
    void everyPublicAnswerShowsOnlyTheConfirmedPlanWithoutPeopleNotesOrEvidence() throws Exception {
        Sensitive t = twoAgenciesWithSensitivePlans();
        announce2566();
        List<String> neverPublic = neverPublic(t.admin().username());
        List<String> patterns = publicPatterns();
        assertThat(patterns).as("a public route without a test here").allMatch(PUBLIC_ROUTES::containsKey);
        assertThat(patterns).containsAll(PUBLIC_ROUTES.keySet());

        // nothing before the agency publishes
        for (String pattern : patterns) {
            if (pattern.contains("{code}")) {
                for (String path : paths(pattern, t.pv1())) {
                    assertThat(answer(path).getStatus()).as(path + " before publishing").isEqualTo(404);
                }
            }
        }
        publications.publish(t.admin().username(), AgencyCode.of(t.pv1()), FiscalYear.of(2566));
        publications.publish(t.admin().username(), AgencyCode.of(t.pv2()), FiscalYear.of(2566));

        // the agency's own copies do carry them, so the text read here would show them if they leaked
        String own = text("follow-up.docx", answer("/agency/" + t.pv1() + "/measures/2566/follow-up.docx", t.admin().signedIn()));
        assertThat(own).contains(squash(NAME), ThaiFormat.digits(PHONE, DigitStyle.THAI), LINK, LATE_DRAFT);
        String ownPdf = text("follow-up.pdf", answer("/agency/" + t.pv1() + "/measures/2566/follow-up.pdf?digits=arabic", t.admin().signedIn()));
        assertThat(ownPdf).contains(PHONE, "intranet.pv.local", CONFIRMED, squash(NAME));
        List<String> drafts = officialResults.analysis(AgencyCode.of(t.pv2()), FiscalYear.of(2566)).orElseThrow().measures().stream().map(d -> d.measure().th()).toList();
        assertThat(drafts).as("the analysis proposes drafts for the unconfirmed agency").isNotEmpty();

        List<String> wrong = new ArrayList<>();
        for (String pattern : patterns) {
            for (String code : pattern.contains("{code}") ? List.of(t.pv1(), t.pv2()) : List.of("")) {
                for (String path : paths(pattern, code)) {
                    MockHttpServletResponse response = answer(path);
                    if (response.getStatus() != 200) {
                        wrong.add(path + " answers " + response.getStatus());
                        continue;
                    }
                    String text = text(path, response);
                    neverPublic.stream().filter(x -> text.contains(squash(x))).forEach(s -> wrong.add(path + " shows \"" + s + "\""));
                    if (code.equals(t.pv1()) && !(text.contains(CONFIRMED) && text.contains("กองกลาง"))) {
                        wrong.add(path + " does not show the confirmed measure and its unit");
                    }
                    if (code.equals(t.pv2())) {
                        if (!text.contains("ยังไม่ได้ยืนยันมาตรการ")) {
                            wrong.add(path + " does not say the plan is not confirmed");
                        }
                        drafts.stream().filter(x -> text.contains(squash(x))).forEach(s -> wrong.add(path + " shows the analysis's draft \"" + s + "\""));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void openDataCsvWritesWouldBeFormulasAsTextAndReadsBackCellForCell() throws Exception {
        String code = Fixtures.unique("OD"); // the test's own code, in a registry file of its own with cells that look like formulas
        String name = "=HYPERLINK(\"http://evil.example/x\",\"ดูผล, คลิก\")";
        var file = new java.io.StringWriter();
        try (var p = new org.apache.commons.csv.CSVPrinter(file, CSVFormat.DEFAULT)) {
            p.printRecord("รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภทหน่วยงาน", "จังหวัด", "อำเภอ");
            p.printRecord(code, name, "อบต.", "-ขอนแก่น", "@SUM(1+1)\nบรรทัดสอง \"ในเครื่องหมาย\"");
        }
        assertThat(registry.importFile("test", "od.csv", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING).problems()).isEmpty();
        importResults("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,IIT\n" + code + ",2566,77.5,80\n");
        announce2566();

        String csv = download("/open-data/2566.csv");
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        JsonNode json = JsonMapper.builder().build().readTree(download("/open-data/2566.json"));
        assertThat(records).hasSize(json.size() + 1);
        assertThat(records.get(0).toList()).isEqualTo(org.openita.server.publication.internal.OpenData.csvHeader(org.openita.core.framework.FrameworkLoader.shipped(2566)));
        assertThat(records).allSatisfy(r -> assertThat(r.size()).as("record " + r.getRecordNumber()).isEqualTo(org.openita.server.publication.internal.OpenData.csvHeader(org.openita.core.framework.FrameworkLoader.shipped(2566)).size()));
        CSVRecord x = records.stream().filter(r -> r.get(0).equals(code)).findFirst().orElseThrow();
        assertThat(x.toList().subList(0, 7)).containsExactly(code, "'" + name, "องค์การบริหารส่วนตำบล", "'-ขอนแก่น",
                "'@SUM(1+1)\nบรรทัดสอง \"ในเครื่องหมาย\"", "2566", "77.50");
        assertThat(x.get(9)).isEqualTo("80.00"); // IIT: a number stays a number
    }
}
