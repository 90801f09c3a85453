package org.openita.server.measures;

import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The measures pages name the fiscal years the measures really run in, by the report's rule: a plan made after
 * the year following the assessment has ended is not titled by that year, and a plan reaching into a later year
 * shows each year's measures under its own heading; the agency page, the edit page, the public page and both
 * reports agree.
 */
class MeasurePlanYearsIT extends ServerTestSupport {

    /** The test's own agency and its administrator, made by {@link #agencyWithResults()}. */
    String code;
    RequestPostProcessor admin;
    static final Pattern GROUP = Pattern.compile("data-fiscal-year=\"(\\d{4})\"(.*?)</tbody>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ResultImports imports;
    @Autowired
    OfficialResults results;
    @Autowired
    MeasurePlans plans;

    private void agencyWithResults() throws Exception {
        code = fixtures.agency().named("องค์การบริหารส่วนตำบลปีแผน").units("สำนักปลัด", "กองคลัง", "กองช่าง").create().code().value();
        admin = fixtures.person(Role.AGENCY_ADMIN).of(code).create().signedIn();
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n" + code + ",2568,84.10,90,88,95,92,80,70,75,72,85,90\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true)
                .problems()).isEmpty();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long add(String title, String startsOn, String dueOn, String milestoneDue) throws Exception {
        var request = post("/agency/" + code + "/measures/2568").with(admin).with(csrf()).param("title", title).param("unit", "กองคลัง")
                .param("startsOn", startsOn).param("dueOn", dueOn);
        if (milestoneDue != null) {
            request.param("milestoneLabel", "ส่งร่างให้ผู้บริหาร").param("milestoneDue", milestoneDue);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return plans.plan(AgencyCode.of(code), FiscalYear.of(2568)).orElseThrow().measures().stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }

    /** The plan table's measures under each fiscal year, in page order. */
    private static Map<Integer, String> groups(String html) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Matcher m = GROUP.matcher(html);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return out;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }

    @Test
    void thePlanIsTitledAndGroupedByTheFiscalYearsItsMeasuresRunIn() throws Exception {
        // the year after the assessment (2569) is over: fiscal year 2570 has begun
        clock.setToday(LocalDate.of(2026, 11, 30));
        agencyWithResults();
        String base = "/agency/" + code + "/measures/2568";

        // no measures yet: titled by the year the drafts are planned in from today, not by the assessment year + 1
        List<DraftMeasure> drafts = results.analysis(AgencyCode.of(code), FiscalYear.of(2568)).orElseThrow().measures();
        Set<Integer> draftYears = drafts.stream().map(d -> FiscalYear.containing(d.dueDate()).buddhistEra()).collect(Collectors.toSet());
        assertThat(draftYears).hasSize(1);
        int draftYear = draftYears.iterator().next();
        String empty = page(base, admin);
        assertThat(empty).contains("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. " + draftYear);
        // the year after the assessment is over: the page must not name it as the plan's year
        assertThat(draftYear).isGreaterThanOrEqualTo(2570);
        assertThat(empty).doesNotContain("ปีงบประมาณ พ.ศ. 2569");

        // measures the agency placed in fiscal year 2570 (a plan made late)
        long a = add("มาตรการจัดทำคู่มือการเบิกจ่าย", "2026-12-01", "2027-03-31", "2027-01-31");
        String one = page(base, admin);
        assertThat(one).contains("<h1 data-testid=\"measures-title\">มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2570</h1>",
                "จากผลการประเมินปี 2568 เพื่อดำเนินการในปีงบประมาณ พ.ศ. 2570");
        assertThat(one).doesNotContain("ปีงบประมาณ พ.ศ. 2569", "data-testid=\"measures-year\"");
        assertThat(groups(one).keySet()).containsExactly(2570);

        // one reaching into 2571, one dated only by its milestone, one with no date at all (runs with the plan)
        long b = add("มาตรการประเมินผลการเบิกจ่ายรอบปี", "2027-10-01", "2028-01-31", null);
        long c = add("มาตรการเผยแพร่รายงานการเงิน", "", "2027-06-30", "2027-02-28");
        add("มาตรการทบทวนระเบียบการเงิน", "", "", null);
        String two = page(base, admin);
        assertThat(two).contains("ปีงบประมาณ พ.ศ. 2570 และ 2571</h1>", "เพื่อดำเนินการในปีงบประมาณ พ.ศ. 2570 และ 2571");
        Map<Integer, String> byYear = groups(two);
        assertThat(byYear.keySet()).containsExactly(2570, 2571);
        assertThat(byYear.get(2570)).contains("ปีงบประมาณ พ.ศ. 2570</th>", "มาตรการจัดทำคู่มือการเบิกจ่าย", "มาตรการเผยแพร่รายงานการเงิน",
                "มาตรการทบทวนระเบียบการเงิน").doesNotContain("มาตรการประเมินผลการเบิกจ่ายรอบปี");
        assertThat(byYear.get(2571)).contains("ปีงบประมาณ พ.ศ. 2571</th>", "มาตรการประเมินผลการเบิกจ่ายรอบปี")
                .doesNotContain("มาตรการจัดทำคู่มือการเบิกจ่าย");
        // numbered in the plan's order across the years
        assertThat(text(byYear.get(2571))).contains("2 มาตรการประเมินผลการเบิกจ่ายรอบปี");
        assertThat(page(base + "?lang=en", admin)).contains("Integrity and transparency measures, fiscal year 2570 and 2571");

        // each measure's page and the agency page say the same
        assertThat(page(base + "/" + b, admin)).contains("ดำเนินการในปีงบประมาณ พ.ศ. 2571");
        assertThat(page(base + "/" + c, admin)).contains("ดำเนินการในปีงบประมาณ พ.ศ. 2570");
        assertThat(page(base + "/" + a, admin)).contains("ดำเนินการในปีงบประมาณ พ.ศ. 2570");
        assertThat(page("/agency/" + code, admin)).contains("ปีงบประมาณ พ.ศ. 2570 และ 2571");

        // confirmed and published: the reports' plan year is the earliest of them, the public page names both
        mvc.perform(post(base + "/confirm").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/agency/" + code + "/publication/2568").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(text(page("/agency/" + code + "/results/2568/report.html?digits=arabic", admin)))
                .contains("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2570").doesNotContain("ปีงบประมาณ พ.ศ. 2569");
        assertThat(text(page(base + "/follow-up.html?digits=arabic", admin))).contains("ปีงบประมาณ พ.ศ. 2570")
                .doesNotContain("ปีงบประมาณ พ.ศ. 2569");
        assertThat(page("/public/" + code + "/2568", anonymous()))
                .contains("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2570 และ 2571");

        // a measure the agency dates in the measures year itself brings that year back, first
        add("มาตรการแต่งตั้งคณะทำงาน", "2025-11-01", "2026-02-28", null);
        Map<Integer, String> three = groups(page(base, admin));
        assertThat(three.keySet()).containsExactly(2569, 2570, 2571);
        assertThat(page(base, admin)).contains("ปีงบประมาณ พ.ศ. 2569, 2570 และ 2571</h1>");
    }
}
