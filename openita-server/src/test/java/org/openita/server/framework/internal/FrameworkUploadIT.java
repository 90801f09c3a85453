package org.openita.server.framework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.core.framework.FrameworkLoader;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A central administrator uploads definition files in the web app: a file with problems is refused with every
 * problem shown and nothing stored; a valid one (a year of another shape: two tools, seven indicators, x-codes) shows
 * its differences and is activated in a separate, audited step; results are re-scored on read with the active version,
 * name the version they use, and follow an activation back to an older version.
 */
class FrameworkUploadIT extends ServerTestSupport {

    static final RequestPostProcessor CENTRAL = user("fw-central").roles("CENTRAL_ADMIN");

    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    ResultImports imports;

    static String synthetic() throws Exception {
        Path p = Path.of("..", "examples", "frameworks", "synthetic-2590.yaml");
        return Files.readString(Files.exists(p) ? p : Path.of("examples", "frameworks", "synthetic-2590.yaml"));
    }

    static String year(String text, int year) {
        return text.replace("year: 2590", "year: " + year).replace("version: \"2590.1\"", "version: \"" + year + ".1\"");
    }

    private MvcResult upload(String name, String text, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/frameworks/upload").file(new MockMultipartFile("file", name, "application/yaml",
                text.getBytes(StandardCharsets.UTF_8))).with(who).with(csrf())).andReturn();
    }

    private String page(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(CENTRAL)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long rows(int year) {
        return jdbc.sql("select count(*) from framework_definition where fiscal_year = ?").param(year).query(Long.class).single();
    }

    /** Audit entries about this test's own synthetic year. */
    private long audits(String action, int year) {
        return fixtures.audits(action, "framework:" + year);
    }

    @Test
    void aFileWithProblemsShowsEveryProblemAndStoresNothing() throws Exception {
        String bad = year(synthetic(), 2593)
                .replace("weight: 0.5\n    provenance", "weight: 0.7\n    provenance") // both tools: weights add up to 1.4
                .replace("indicator: 3\n", "indicator: 12\n")                              // questions of an unknown indicator
                .replace("scale: five-point\n    direction: positive\n    summary: {th: \"ข้อทดลองที่ 8", "scale: ten-point\n    direction: positive\n    summary: {th: \"ข้อทดลองที่ 8");
        var expected = FrameworkLoader.check("bad-2593.yaml", bad).problems();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        long loadedBefore = audits("FRAMEWORK_LOADED", 2593);

        MvcResult r = upload("bad-2593.yaml", bad, CENTRAL);
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("ไฟล์ bad-2593.yaml มีปัญหา " + expected.size() + " รายการ", "ระบบยังไม่ได้บันทึกไฟล์นี้");
        for (var p : expected) {
            assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(p.th()));
        }
        String en = mvc.perform(multipart("/frameworks/upload").file(new MockMultipartFile("file", "bad-2593.yaml", "application/yaml",
                bad.getBytes(StandardCharsets.UTF_8))).param("lang", "en").with(CENTRAL).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("tool weights add up to 1.4 but must add up to 1", "unknown answer scale &quot;ten-point&quot;");
        assertThat(rows(2593)).isZero();
        assertThat(audits("FRAMEWORK_LOADED", 2593)).isEqualTo(loadedBefore);

        // a syntax error: a Thai and English sentence naming the line and column, not the parser's English alone
        String broken = year(synthetic(), 2593).replace("version: \"2593.1\"", "version: 2593.1: draft");
        int line = (int) broken.substring(0, broken.indexOf("version: 2593.1: draft")).chars().filter(c -> c == '\n').count() + 1;
        MvcResult syntax = upload("syntax-2593.yaml", broken, CENTRAL);
        assertThat(syntax.getResponse().getStatus()).isEqualTo(422);
        assertThat(syntax.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ไฟล์ YAML ผิดรูปแบบที่บรรทัด " + line + " คอลัมน์ 16: มีเครื่องหมาย :");

        // not UTF-8, empty, too large: refused with a reason, nothing stored
        MvcResult tis620 = mvc.perform(multipart("/frameworks/upload").file(new MockMultipartFile("file", "x.yaml", "application/yaml",
                year(synthetic(), 2593).getBytes(java.nio.charset.Charset.forName("x-IBM874")))).with(CENTRAL).with(csrf())).andReturn();
        assertThat(tis620.getResponse().getStatus()).isEqualTo(400);
        assertThat(tis620.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("ไฟล์ไม่ได้บันทึกเป็น UTF-8");
        assertThat(upload("x.yaml", "", CENTRAL).getResponse().getStatus()).isEqualTo(400);
        MvcResult big = upload("x.yaml", "#" + "x".repeat(FrameworkController.MAX_BYTES) + "\n" + year(synthetic(), 2593), CENTRAL);
        assertThat(big.getResponse().getStatus()).isEqualTo(413);
        assertThat(big.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("ไฟล์ใหญ่เกิน 2 MB");
        assertThat(rows(2593)).isZero();
    }

    @Test
    void onlyTheCentralAdministratorUploadsOrActivates() throws Exception {
        RequestPostProcessor agencyAdmin = user("fw-agency").roles("AGENCY_ADMIN");
        assertThat(mvc.perform(get("/frameworks").with(agencyAdmin)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(upload("a.yaml", year(synthetic(), 2594), agencyAdmin).getResponse().getStatus()).isEqualTo(403);
        assertThat(upload("a.yaml", year(synthetic(), 2594), user("fw-viewer").roles("VIEWER")).getResponse().getStatus()).isEqualTo(403);
        long shipped = catalog.activeVersion(2568).orElseThrow().id();
        assertThat(mvc.perform(post("/frameworks/versions/" + shipped + "/activate").with(agencyAdmin).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // and without the CSRF token, not even the central administrator
        assertThat(mvc.perform(multipart("/frameworks/upload").file(new MockMultipartFile("file", "a.yaml", "application/yaml",
                year(synthetic(), 2594).getBytes(StandardCharsets.UTF_8))).with(CENTRAL)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(rows(2594)).isZero();
    }

    @Test
    void aNewYearOfAnotherShapeIsUploadedActivatedCorrectedAndReverted() throws Exception {
        String v1 = synthetic();
        // upload: stored, not active, differences from the latest year before it (the newest shipped one) shown
        int previous = org.openita.core.framework.FrameworkLoader.shippedYears().stream().mapToInt(Integer::intValue).max().orElseThrow();
        MvcResult r = upload("synthetic-2590.yaml", v1, CENTRAL);
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        String versionPage = r.getResponse().getRedirectedUrl();
        assertThat(catalog.active(2590)).isEmpty();
        String diff = page(versionPage);
        assertThat(diff).contains("ความแตกต่างจากเกณฑ์ปี " + previous, "data-kind=\"REMOVED\"", "data-kind=\"ADDED\"", "<code>x1</code>",
                "<code>EIT</code>", "เครื่องมือ 2 ชุด ตัวชี้วัด 7 ตัว");
        long id1 = Long.parseLong(versionPage.substring(versionPage.lastIndexOf('/') + 1));

        // activate: a separate POST, audited
        long activatedBefore = audits("FRAMEWORK_ACTIVATED", 2590);
        mvc.perform(post("/frameworks/versions/" + id1 + "/activate").with(CENTRAL).with(csrf()));
        assertThat(catalog.active(2590)).get().satisfies(d -> assertThat(d.version()).isEqualTo("2590.1"));
        assertThat(audits("FRAMEWORK_ACTIVATED", 2590)).isEqualTo(activatedBefore + 1);
        assertThat(jdbc.sql("select actor from audit_event where action = 'FRAMEWORK_ACTIVATED' and subject = 'framework:2590' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("fw-central");

        // results of the year, imported from a CSV whose x-columns the year's file says are questions or OIT items
        AgencyCode code = fixtures.agency().named("องค์การบริหารส่วนตำบลทดลองรูปแบบ").create().code();
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,x12,x13\n"
                + code + ",2590,90,70,100,100,60,80,95,85,100,0,100,100,100\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true)
                .problems()).isEmpty();
        // the home page describes the year from its file: two tools, no EIT, no question counts it does not have
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = home.substring(home.indexOf("id=\"fw-2590\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-tool=\"IIT\"", "4 ตัวชี้วัด", "8 ข้อคำถาม", "data-tool=\"OIT\"", "3 ตัวชี้วัด", "5 ข้อ")
                .doesNotContain("EIT", "8 / ");
        String results = page("/agency/" + code + "/results/2590");
        // IIT 85 (indicators 80, 100, 70, 90), OIT 83.33 (50, 100, 100): 0.5 each -> 84.17, both tools >= 80 -> สูง
        assertThat(results).contains("84.17", "สูง", "การดูแลทรัพย์สิน", "คำนวณตามเกณฑ์ปี 2590 ฉบับ 2590.1");
        assertThat(results).doesNotContain("EIT");
        String report = pdfText("/agency/" + code + "/results/2590/report.pdf");
        assertThat(report).as(report).containsAnyOf("84.17", "๘๔.๑๗").containsAnyOf("ฉบับ 2590.1", "ฉบับ ๒๕๙๐.๑");

        // a corrected version: the same version field with other content is refused; a new one shows its differences
        String sameVersion = v1.replace("weight: 0.5\n", "weight: 0.55\n").replaceFirst("weight: 0.55\n", "weight: 0.45\n");
        MvcResult refused = upload("again.yaml", sameVersion, CENTRAL);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("มีเกณฑ์ฉบับ &quot;2590.1&quot; อยู่แล้ว");
        String v2 = v1.replace("version: \"2590.1\"", "version: \"2590.2\"")
                .replace("weight: 0.5\n", "weight: 0.4\n").replaceFirst("weight: 0.4\n", "weight: 0.6\n") // IIT 0.6, OIT 0.4
                .replace("ข้อทดลองที่ 1 ของตัวชี้วัดที่ 1", "ข้อทดลองที่ 1 ของตัวชี้วัดที่ 1 (ถ้อยคำใหม่)")
                .replace("overall: {atLeast: 80}\n      each:", "overall: {atLeast: 85}\n      each:");
        var d2 = FrameworkLoader.parse("v2.yaml", v2);
        double iit = d2.tool(org.openita.core.framework.ToolCode.IIT).orElseThrow().weight();
        MvcResult second = upload("synthetic-2590-v2.yaml", v2, CENTRAL);
        String diff2 = page(second.getResponse().getRedirectedUrl());
        assertThat(diff2).contains("ความแตกต่างจากฉบับที่เปิดใช้อยู่ (2590.1)", "data-kind=\"WEIGHT_CHANGED\"", "data-kind=\"RENAMED\"",
                "(ถ้อยคำใหม่)", "data-kind=\"LEVEL_CHANGED\"", "overall &gt;= 85");
        long id2 = Long.parseLong(second.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        mvc.perform(post("/frameworks/versions/" + id2 + "/activate").with(CENTRAL).with(csrf()));
        double expected = iit * 85 + (1 - iit) * (250.0 / 3);
        String rescored = page("/agency/" + code + "/results/2590");
        assertThat(rescored).contains(String.format(java.util.Locale.ROOT, "%.2f", expected), "ฉบับ 2590.2").doesNotContain("84.17");
        assertThat(pdfText("/agency/" + code + "/results/2590/report.pdf")).containsAnyOf("ฉบับ 2590.2", "ฉบับ ๒๕๙๐.๒");

        // versions listed with who and when; activating the older version reverts, also audited
        String versions = page("/frameworks/2590");
        assertThat(versions).contains("2590.1", "2590.2", "fw-central", "เปิดใช้อยู่");
        mvc.perform(post("/frameworks/versions/" + id1 + "/activate").with(CENTRAL).with(csrf()));
        assertThat(page("/agency/" + code + "/results/2590")).contains("84.17", "ฉบับ 2590.1");
        assertThat(audits("FRAMEWORK_ACTIVATED", 2590)).isEqualTo(activatedBefore + 3);
        assertThat(rows(2590)).isEqualTo(2);
    }

    private String pdfText(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(CENTRAL)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        try (PDDocument d = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(d);
        }
    }
}
