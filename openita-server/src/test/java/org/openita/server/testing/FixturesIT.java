package org.openita.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyType;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.identity.Role;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.OfficialResults;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The builders make what they say, through the services, with names and years that never meet another test's. */
class FixturesIT extends ServerTestSupport {

    @Autowired
    OfficialResults results;
    @Autowired
    MeasurePlans plans;
    @Autowired
    CycleService cycles;

    @Test
    void anAgencyAndAPersonAreStoredAsAskedAndAudited() {
        Agency a = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named("เทศบาลตำบลฟิกซ์เจอร์").staff(37)
                .units("สำนักปลัด", "กองคลัง").in("เมือง", "ขอนแก่น").create();
        Agency b = fixtures.agency().create();
        assertThat(a.code().value()).isNotEqualTo(b.code().value()).hasSameSizeAs(b.code().value());
        assertThat(registry.find(a.code())).hasValue(a);
        assertThat(a.staffCount()).isEqualTo(37);
        assertThat(a.units()).containsExactly("สำนักปลัด", "กองคลัง");
        assertThat(fixtures.audits("AGENCY_CREATED", "agency:" + a.code())).isEqualTo(1);

        Fixtures.Person staff = fixtures.person(Role.AGENCY_STAFF).of(a).create();
        Fixtures.Person viewer = fixtures.person(Role.VIEWER).seeing(a.code(), b.code()).create();
        assertThat(accounts.agencyOf(staff.username())).hasValue(a.code().value());
        assertThat(accounts.accessOf(viewer.username())).containsExactlyInAnyOrder(a.code().value(), b.code().value());
        assertThat(staff.account().mustChangePassword()).isFalse();
        assertThat(fixtures.audits("USER_CREATED", "user:" + staff.username())).isEqualTo(1);
    }

    @Test
    void resultsHaveEveryIndicatorTheYearDefinesWhateverItsShape() {
        for (int year : FrameworkLoader.shippedYears()) {
            AgencyCode code = fixtures.agency().create().code();
            var made = fixtures.officialResults(code, year).scoring(82.5);
            List<Indicator> indicators = made.indicators();
            assertThat(made.create().saved()).isEqualTo(1);
            var score = results.result(code, FiscalYear.of(year)).orElseThrow().score();
            assertThat(score.indicators().keySet()).as("year " + year)
                    .containsExactlyInAnyOrderElementsOf(indicators.stream().map(Indicator::number).toList());
            assertThat(score.indicators().values()).allMatch(v -> v == 82.5);
            assertThat(score.overall()).isEqualTo(82.5);
        }
    }

    @Test
    void aPlanAndACalendarAreTheTestsOwn() {
        AgencyCode code = fixtures.agency().create().code();
        MeasurePlan plan = fixtures.measuresPlan(code, 2569).measure("จัดทำคู่มือการเบิกจ่าย", "o12").measure("เผยแพร่รายงานการเงิน").create();
        assertThat(plan.measures()).hasSize(2);
        assertThat(plans.plan(code, FiscalYear.of(2569)).orElseThrow().measures()).hasSize(2);

        Fixtures.CalendarBuilder first = fixtures.cycleCalendar().phasesOnTheDay(Phase.REGISTRATION);
        Fixtures.CalendarBuilder second = fixtures.cycleCalendar();
        assertThat(first.year()).isNotEqualTo(second.year());
        assertThat(cycles.windows(first.year().buddhistEra())).isEmpty();
        List<PhaseWindow> windows = first.create();
        assertThat(windows).filteredOn(w -> w.phase() == Phase.REGISTRATION)
                .containsExactly(new PhaseWindow(Phase.REGISTRATION, first.day(), first.day()));
        assertThat(cycles.windows(first.year().buddhistEra())).hasValue(windows);
    }
}
