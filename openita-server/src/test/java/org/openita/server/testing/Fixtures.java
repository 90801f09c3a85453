package org.openita.server.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyType;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasureChange;
import org.openita.server.measures.MeasureEditing;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builders of test data. Every builder goes through the application's own service (the registry import, the
 * account service, the results import, the measures plan, the cycle calendar), gives what it makes a name no
 * other test uses, and returns what it made. A test that counts audit entries counts those about its own rows
 * ({@link #audits}). Registered in the shared test context by {@code ServerTestSupport}.
 */
public class Fixtures {

    /** Agency codes and usernames: one fixed width, so that no fixture name is the beginning of another. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /**
     * Fiscal years for calendars: above every year a shipped framework or another test uses (the framework upload tests
     * load 2590-2595 and expect the newest shipped year to come before them), and below 2699 (QueueSchedulesIT's future
     * year) and the 2700 a fiscal year may reach: 103 years for the suite, so a test class that needs no year of its own
     * per test shares one (PrecheckQueueIT).
     */
    private static final int LAST_CALENDAR_YEAR = 2698;
    private static final AtomicInteger CALENDAR_YEAR = new AtomicInteger(2596);

    private final AgencyRegistry registry;
    private final UserAccounts accounts;
    private final ResultImports imports;
    private final FrameworkCatalog frameworks;
    private final MeasurePlans plans;
    private final MeasureEditing editing;
    private final CycleService cycles;
    private final AuditTrail audit;
    private final org.openita.server.framework.internal.FrameworkVersions versions;

    public Fixtures(AgencyRegistry registry, UserAccounts accounts, ResultImports imports, FrameworkCatalog frameworks,
                    MeasurePlans plans, MeasureEditing editing, CycleService cycles, AuditTrail audit,
                    org.openita.server.framework.internal.FrameworkVersions versions) {
        this.versions = versions;
        this.registry = registry;
        this.accounts = accounts;
        this.imports = imports;
        this.frameworks = frameworks;
        this.plans = plans;
        this.editing = editing;
        this.cycles = cycles;
        this.audit = audit;
    }

    /** A name no other fixture has: the prefix, a dash and a five-digit number (letters, digits and dashes only). */
    public static String unique(String prefix) {
        return prefix + "-" + String.format(Locale.ROOT, "%05d", SEQUENCE.incrementAndGet());
    }

    /** How many audit entries of this action are about exactly this subject (e.g. "agency:FX-00001"). */
    public long audits(String action, String subject) {
        return audit.search(null, action, subject, 100_000).stream()
                .filter(e -> e.action().equals(action) && e.subject().equals(subject)).count();
    }

    /** How many audit entries of any action are about exactly this subject. */
    public long audits(String subject) {
        return audit.search(null, null, subject, 100_000).stream().filter(e -> e.subject().equals(subject)).count();
    }

    public AgencyBuilder agency() {
        return new AgencyBuilder();
    }

    public PersonBuilder person(Role role) {
        return new PersonBuilder(role);
    }

    /** Official results for one agency and year, with a column for every indicator the year's active definition has. */
    public ResultsBuilder officialResults(String agencyCode, int year) {
        return new ResultsBuilder(agencyCode, year);
    }

    public ResultsBuilder officialResults(AgencyCode agencyCode, int year) {
        return new ResultsBuilder(agencyCode.value(), year);
    }

    public MeasuresPlanBuilder measuresPlan(String agencyCode, int year) {
        return new MeasuresPlanBuilder(agencyCode, year);
    }

    public MeasuresPlanBuilder measuresPlan(AgencyCode agencyCode, int year) {
        return new MeasuresPlanBuilder(agencyCode.value(), year);
    }

    /** A calendar for a fiscal year that has none yet and that no other test uses. */
    public CalendarBuilder cycleCalendar() {
        return new CalendarBuilder(unusedCalendarYear());
    }

    /** A fiscal year without a calendar, that no other test uses: for a test that makes the calendar through the pages. */
    public FiscalYear unusedCalendarYear() {
        int year = CALENDAR_YEAR.getAndIncrement();
        if (year > LAST_CALENDAR_YEAR) {
            throw new IllegalStateException("the tests have used every calendar year from 2596 to " + LAST_CALENDAR_YEAR
                    + ": reuse a year within a test class rather than making a calendar per test");
        }
        return FiscalYear.of(year);
    }

    /**
     * The shipped definition of {@code shippedYear}, loaded as an upload for {@code year} (a test calendar's year, which
     * has none) and made its active definition, so that surveys and scoring of that year run on real questions.
     */
    public org.openita.core.framework.FrameworkDefinition activeFramework(FiscalYear year, int shippedYear) {
        String text;
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream("/frameworks/ita-" + shippedYear + ".yaml")) {
            text = new String(java.util.Objects.requireNonNull(in, "no shipped framework " + shippedYear).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        text = text.replaceFirst("(?m)^year: \\d+", "year: " + year.buddhistEra())
                .replaceFirst("(?m)^version: .*$", "version: \"" + year.buddhistEra() + ".fixture-" + shippedYear + "\"");
        var loaded = versions.load("fixture", "fixture-" + year.buddhistEra() + ".yaml", text);
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException("the fixture definition was refused: " + loaded.problems());
        }
        versions.activate("fixture", loaded.version().orElseThrow().id());
        return frameworks.active(year.buddhistEra()).orElseThrow();
    }

    /** An agency in the registry, imported as a one-row registry file. */
    public final class AgencyBuilder {
        private String code = unique("FX");
        private String name;
        private AgencyType type = AgencyType.SAO;
        private String province = "กาฬสินธุ์";
        private String district = "สมเด็จ";
        private Integer staff;
        private List<String> units = List.of();
        private String website = "";

        public AgencyBuilder named(String nameTh) {
            this.name = nameTh;
            return this;
        }

        public AgencyBuilder type(AgencyType t) {
            this.type = t;
            return this;
        }

        public AgencyBuilder in(String district, String province) {
            this.district = district;
            this.province = province;
            return this;
        }

        public AgencyBuilder staff(int count) {
            this.staff = count;
            return this;
        }

        public AgencyBuilder units(String... names) {
            this.units = List.of(names);
            return this;
        }

        /** The agency's registered main website. */
        public AgencyBuilder website(String url) {
            this.website = url;
            return this;
        }

        public Agency create() {
            String nameTh = name != null ? name : type.thai() + "ทดสอบ " + code;
            String csv = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด,จำนวนบุคลากร,หน่วยงานภายใน,เว็บไซต์หลัก\n"
                    + String.join(",", code, quote(nameTh), type.thai(), quote(district), quote(province),
                    staff == null ? "" : staff.toString(), quote(String.join(";", units)), quote(website)) + "\n";
            try {
                AgencyRegistry.ImportReport report = registry.importFile("fixture", code + ".csv",
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
                if (!report.applied() || report.created() != 1) {
                    throw new IllegalStateException("the registry refused the fixture agency " + code + ": " + report.problems());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return registry.find(AgencyCode.of(code)).orElseThrow();
        }
    }

    /** A person with a role, tied to an agency (agency roles) and/or given agencies to see. */
    public final class PersonBuilder {
        private final Role role;
        private final String username = unique("fx");
        private String displayName;
        private String password = "fixture-pass-" + username;
        private String agency;
        private List<String> access = List.of();
        private boolean mustChange;

        PersonBuilder(Role role) {
            this.role = role;
        }

        public PersonBuilder of(Agency agency) {
            return of(agency.code());
        }

        public PersonBuilder of(AgencyCode agencyCode) {
            return of(agencyCode.value());
        }

        public PersonBuilder seeing(AgencyCode... agencyCodes) {
            return seeing(Arrays.stream(agencyCodes).map(AgencyCode::value).toArray(String[]::new));
        }

        public PersonBuilder of(String agencyCode) {
            this.agency = agencyCode;
            return this;
        }

        public PersonBuilder seeing(String... agencyCodes) {
            this.access = Arrays.asList(agencyCodes);
            return this;
        }

        public PersonBuilder named(String name) {
            this.displayName = name;
            return this;
        }

        public PersonBuilder password(String raw) {
            this.password = raw;
            return this;
        }

        /** Must change the password at the next sign-in, as an account an administrator just made. */
        public PersonBuilder mustChangePassword() {
            this.mustChange = true;
            return this;
        }

        public Person create() {
            accounts.create("fixture", username, displayName != null ? displayName : "ผู้ใช้ทดสอบ " + username, role, password, mustChange);
            if (agency != null || !access.isEmpty()) {
                accounts.assign("fixture", username, agency, access);
            }
            return new Person(accounts.find(username).orElseThrow(), password);
        }
    }

    /** A person a fixture made, with the password it was given. */
    public record Person(UserAccounts.Account account, String password) {
        public String username() {
            return account.username();
        }

        /** This person, signed in, for MockMvc. */
        public RequestPostProcessor signedIn() {
            return SecurityMockMvcRequestPostProcessors.user(username()).roles(account.role().name());
        }
    }

    /**
     * Official results in the shape of the year's active framework definition: every indicator the year defines
     * gets the same score, and the overall score is that score (the weights add up to 100, so any weighting gives it).
     */
    public final class ResultsBuilder {
        private final String code;
        private final int year;
        private double score = 85.0;

        ResultsBuilder(String code, int year) {
            this.code = code;
            this.year = year;
        }

        public ResultsBuilder scoring(double everyIndicator) {
            this.score = everyIndicator;
            return this;
        }

        /** The indicators the year defines, read from its active definition. */
        public List<Indicator> indicators() {
            return definition().indicators();
        }

        private FrameworkDefinition definition() {
            return frameworks.active(year).orElseThrow(() -> new IllegalStateException("no active framework for " + year));
        }

        public OfficialResults.Report create() {
            String figure = String.format(Locale.ROOT, "%.2f", score);
            StringBuilder header = new StringBuilder("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม");
            StringBuilder row = new StringBuilder(code + "," + year + "," + figure);
            for (Indicator i : indicators()) {
                header.append(",ตัวชี้วัดที่ ").append(i.number());
                row.append(',').append(figure);
            }
            String csv = header + "\n" + row + "\n";
            try {
                OfficialResults.Report report = imports.run("fixture", ResultFile.Format.CSV,
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true);
                if (!report.problems().isEmpty() || report.saved() != 1) {
                    throw new IllegalStateException("the results import refused the fixture row for " + code + "/" + year + ": " + report.problems());
                }
                return report;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A measures plan (draft) for an agency and year, measure by measure through the plan's own checks. */
    public final class MeasuresPlanBuilder {
        private final String code;
        private final int year;
        private final List<MeasureForm> measures = new ArrayList<>();

        MeasuresPlanBuilder(String code, int year) {
            this.code = code;
            this.year = year;
        }

        /** A measure running over the whole fiscal year, owned by the first unit named. */
        public MeasuresPlanBuilder measure(String title, String... oitItems) {
            FiscalYear fy = FiscalYear.of(year);
            MeasureForm f = new MeasureForm();
            f.setTitle(title);
            f.setSteps("ประชุมชี้แจง\nดำเนินการ\nรายงานผล");
            f.setUnit("สำนักปลัด");
            f.setOwner("ปลัด");
            f.setStartsOn(fy.firstDay().toString());
            f.setDueOn(fy.lastDay().toString());
            f.setAddresses("ผลการประเมินปีก่อน");
            f.setOitItems(String.join(",", oitItems));
            measures.add(f);
            return this;
        }

        public MeasurePlan create() {
            if (measures.isEmpty()) {
                measure("เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์ทุกเดือน");
            }
            for (MeasureForm f : measures) {
                MeasureChange r = editing.create("fixture", AgencyCode.of(code), FiscalYear.of(year), f);
                if (!r.problems().isEmpty()) {
                    throw new IllegalStateException("the plan refused the fixture measure: " + r.problems());
                }
            }
            return plans.plan(AgencyCode.of(code), FiscalYear.of(year)).orElseThrow();
        }
    }

    /** A cycle calendar: the default one for its year, with chosen phases moved onto one day. */
    public final class CalendarBuilder {
        private final FiscalYear year;
        private final Set<Phase> onTheDay = EnumSet.noneOf(Phase.class);
        private LocalDate day;

        CalendarBuilder(FiscalYear year) {
            this.year = year;
            this.day = year.firstDay().plusDays(45);
        }

        /** The fiscal year this calendar is for, which no other test uses. */
        public FiscalYear year() {
            return year;
        }

        /** A day of the year (by default the 46th): phases put on the day run on it only. */
        public LocalDate day() {
            return day;
        }

        /** These phases run on {@link #day()} only; the others keep their default dates. */
        public CalendarBuilder phasesOnTheDay(Phase... phases) {
            onTheDay.addAll(List.of(phases));
            return this;
        }

        /** Moves the day (a calendar made already can be made again on another day: it replaces the year's). */
        public CalendarBuilder on(LocalDate someDayOfTheYear) {
            if (!FiscalYear.containing(someDayOfTheYear).equals(year)) {
                throw new IllegalArgumentException(someDayOfTheYear + " is not in " + year);
            }
            this.day = someDayOfTheYear;
            return this;
        }

        /** Saves the calendar through the cycle service (its checks apply) and returns it as stored. */
        public List<PhaseWindow> create() {
            List<PhaseWindow> windows = new ArrayList<>();
            for (PhaseWindow d : CycleCalendar.defaults(year)) {
                windows.add(onTheDay.contains(d.phase()) ? new PhaseWindow(d.phase(), day, day) : d);
            }
            List<String> problems = cycles.save("fixture", year, windows);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the calendar refused the fixture: " + problems);
            }
            return cycles.windows(year.buddhistEra()).orElseThrow();
        }
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
