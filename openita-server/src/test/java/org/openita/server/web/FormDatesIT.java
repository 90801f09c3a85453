package org.openita.server.web;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DateEntry;
import org.openita.core.thai.DigitStyle;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.identity.Role;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Dates in the measure and cycle forms are typed and shown as day/month/year: the Buddhist-era year on Thai
 * pages (Thai or Arabic digits, Thai month names), the Common-era year on English ones; no browser date
 * widget. A date that cannot be read, or a year of the other era, is explained beside its field, the page
 * shows what was typed, and nothing is stored.
 */
class FormDatesIT extends ServerTestSupport {

    static final String CODE = "FD-1";
    static final RequestPostProcessor ADMIN = user("fd-admin").roles("AGENCY_ADMIN");
    static final RequestPostProcessor CENTRAL = user("fd-central").roles("CENTRAL_ADMIN");
    static final String BASE = "/agency/" + CODE + "/measures/2568";

    @Autowired
    ResultImports imports;
    @Autowired
    MeasurePlans plans;
    @Autowired
    CycleService cycles;

    private void agencyWithResults() throws Exception {
        if (plans.plan(AgencyCode.of(CODE), FiscalYear.of(2568)).isPresent() || registry.find(AgencyCode.of(CODE)).isPresent()) {
            return;
        }
        registry.importFile("test", "fd.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,หน่วยงานภายใน\n"
                + CODE + ",องค์การบริหารส่วนตำบลวันที่,อบต.,สำนักปลัด;กองคลัง\n").getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "fd-admin", "fd", Role.AGENCY_ADMIN, "irrelevant-pass", CODE, List.of());
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n" + CODE + ",2568,84.10,90,88,95,92,80,70,75,72,85,90\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true)
                .problems()).isEmpty();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder measure(String lang, String title, String startsOn, String dueOn, String milestoneDue) {
        return post(BASE + "?lang=" + lang).with(ADMIN).with(csrf()).param("title", title).param("unit", "กองคลัง")
                .param("startsOn", startsOn).param("dueOn", dueOn).param("milestoneLabel", "ส่งร่างให้ผู้บริหาร").param("milestoneDue", milestoneDue);
    }

    private Measure stored(String title) {
        return plans.plan(AgencyCode.of(CODE), FiscalYear.of(2568)).orElseThrow().measures().stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    private int count() {
        return plans.plan(AgencyCode.of(CODE), FiscalYear.of(2568)).map(p -> p.measures().size()).orElse(0);
    }

    @Test
    void aThaiPageReadsAndShowsBuddhistEraDatesInThaiOrArabicDigits() throws Exception {
        agencyWithResults();
        mvc.perform(measure("th", "มาตรการวันที่แบบไทย", "๑ ต.ค. ๒๕๖๘", "31/12/2569", "๓๑.๐๓.๒๕๖๙")).andExpect(status().is3xxRedirection());
        Measure m = stored("มาตรการวันที่แบบไทย");
        assertThat(m.startsOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(m.milestones()).extracting(Measure.Milestone::dueOn).containsExactly(LocalDate.of(2026, 3, 31));

        String th = body(get(BASE + "/" + m.id() + "?lang=th").with(ADMIN));
        assertThat(th).contains("value=\"01/10/2568\"", "value=\"31/12/2569\"", "value=\"31/03/2569\"", "วัน/เดือน/ปี พ.ศ. เช่น 31/12/2569",
                "inputmode=\"decimal\"", "aria-describedby=\"date-hint\"");
        assertThat(th).doesNotContain("type=\"date\"");
        String en = body(get(BASE + "/" + m.id() + "?lang=en").with(ADMIN));
        assertThat(en).contains("value=\"01/10/2025\"", "value=\"31/12/2026\"", "value=\"31/03/2026\"", "day/month/year, e.g. 31/12/2026");
    }

    @Test
    void aCommonEraYearOnAThaiPageIsExplainedBesideItsFieldAndNothingIsStored() throws Exception {
        agencyWithResults();
        int before = count();
        String page = body(measure("th", "มาตรการปีผิด", "พรุ่งนี้", "31/12/2026", "29/02/2569"));
        assertThat(count()).isEqualTo(before);
        assertThat(page).contains("id=\"dueOn-error\"", "ปี 2026 ใน &quot;31/12/2026&quot; เป็นปี ค.ศ. ช่องนี้ใช้ปี พ.ศ. (ค.ศ. 2026 คือ พ.ศ. 2569)",
                "id=\"startsOn-error\"", "อ่าน &quot;พรุ่งนี้&quot; เป็นวันที่ไม่ได้",
                "id=\"md0-error\"", "ไม่มีวันที่ &quot;29/02/2569&quot; ในปฏิทิน");
        // each field points at its own message, and shows what was typed
        assertThat(page).containsPattern("id=\"dueOn\" name=\"dueOn\" value=\"31/12/2026\"[^>]*aria-describedby=\"date-hint dueOn-error\"[^>]*aria-invalid=\"true\"");
        assertThat(page).containsPattern("id=\"startsOn\" name=\"startsOn\" value=\"พรุ่งนี้\"[^>]*aria-describedby=\"date-hint startsOn-error\"");
        assertThat(page).containsPattern("name=\"milestoneDue\" value=\"29/02/2569\"[^>]*aria-describedby=\"date-hint md0-error\"");
        assertThat(page).contains("value=\"มาตรการปีผิด\"");
    }

    @Test
    void anEnglishPageTakesCommonEraYearsAndRefusesBuddhistEraOnes() throws Exception {
        agencyWithResults();
        mvc.perform(measure("en", "Measure typed in English", "1 Oct 2025", "31/12/2026", "Mar 31, 2026")).andExpect(status().is3xxRedirection());
        Measure m = stored("Measure typed in English");
        assertThat(m.startsOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(m.milestones()).extracting(Measure.Milestone::dueOn).containsExactly(LocalDate.of(2026, 3, 31));

        int before = count();
        String page = body(measure("en", "Measure with a Thai year", "", "31/12/2569", ""));
        assertThat(count()).isEqualTo(before);
        assertThat(page).contains("the year 2569 in &quot;31/12/2569&quot; is a Buddhist-era year; this field takes the Common-era year (B.E. 2569 is 2026)",
                "value=\"31/12/2569\"");
    }

    @Test
    void theCycleCalendarIsTypedInTheBuddhistEraAndABadDayChangesNothing() throws Exception {
        int year = 2571;
        mvc.perform(post("/cycles").param("year", Integer.toString(year)).with(CENTRAL).with(csrf())).andExpect(redirectedUrl("/cycles/" + year));
        List<PhaseWindow> defaults = cycles.windows(year).orElseThrow();
        String shown = body(get("/cycles/" + year).with(CENTRAL));
        PhaseWindow first = defaults.get(0);
        assertThat(shown).contains("value=\"" + DateEntry.format(first.startsOn(), DateEntry.Era.BUDDHIST, DigitStyle.ARABIC) + "\"",
                "วัน/เดือน/ปี พ.ศ.").doesNotContain("type=\"date\"");

        // typed back in Thai digits, the first phase a day longer
        MockHttpServletRequestBuilder save = post("/cycles/" + year).with(CENTRAL).with(csrf());
        for (PhaseWindow w : defaults) {
            LocalDate end = w == first ? w.endsOn().plusDays(1) : w.endsOn();
            save.param(w.phase() + ".start", DateEntry.format(w.startsOn(), DateEntry.Era.BUDDHIST, DigitStyle.THAI))
                    .param(w.phase() + ".end", DateEntry.format(end, DateEntry.Era.BUDDHIST, DigitStyle.THAI));
        }
        var next = defaults.get(1);
        if (!next.startsOn().isAfter(first.endsOn().plusDays(1))) {
            save.param(next.phase() + ".start", DateEntry.format(first.endsOn().plusDays(2), DateEntry.Era.BUDDHIST, DigitStyle.THAI));
        }
        mvc.perform(save).andExpect(redirectedUrl("/cycles/" + year + "?saved"));
        List<PhaseWindow> saved = cycles.windows(year).orElseThrow();
        assertThat(saved.get(0).endsOn()).isEqualTo(first.endsOn().plusDays(1));

        // a day that does not exist: explained beside the field, everything re-shown as typed, nothing stored
        MockHttpServletRequestBuilder bad = post("/cycles/" + year).with(CENTRAL).with(csrf());
        for (PhaseWindow w : saved) {
            bad.param(w.phase() + ".start", DateEntry.format(w.startsOn(), DateEntry.Era.BUDDHIST, DigitStyle.ARABIC))
                    .param(w.phase() + ".end", w == saved.get(0) ? "31/04/2570" : DateEntry.format(w.endsOn(), DateEntry.Era.BUDDHIST, DigitStyle.ARABIC));
        }
        String page = body(bad);
        String id = saved.get(0).phase() + "-end";
        assertThat(page).contains("id=\"" + id + "-error\"", "ไม่มีวันที่ &quot;31/04/2570&quot; ในปฏิทิน", "value=\"31/04/2570\"",
                "aria-describedby=\"date-hint " + id + "-error\"");
        assertThat(cycles.windows(year).orElseThrow()).isEqualTo(saved);
    }
}
