package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.openita.server.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How each assessor collected EIT part 2 in a year, for the central administrator only (the integrity analytics of
 * issue 13; the agency never sees who collected its answers or how): answers by mode of contact, agencies reached, days
 * worked, and the busiest day, which is where a collection that did not happen tends to show.
 */
@Controller
class FieldWorkController {

    /** One assessor's year. */
    record Row(String username, String name, long answers, long inPerson, long telephone, long video, long agencies, long days,
               LocalDate busiestDay, long busiestCount) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SurveyWindows windows;
    private final CycleService cycles;

    FieldWorkController(JdbcClient jdbc, UserAccounts accounts, SurveyWindows windows, CycleService cycles) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.windows = windows;
        this.cycles = cycles;
    }

    static final String BY_ASSESSOR = """
            with f as (
                select lower(f.assessor) as assessor, f.agency_code, f.mode, r.answered_on
                from field_response f join survey_response r on r.id = f.response_id where f.fiscal_year = ?
            ), busiest as (
                select distinct on (assessor) assessor, answered_on, n
                from (select assessor, answered_on, count(*) as n from f group by assessor, answered_on) d
                order by assessor, n desc, answered_on
            )
            select f.assessor, count(*), count(*) filter (where f.mode = 'IN_PERSON'), count(*) filter (where f.mode = 'TELEPHONE'),
                   count(*) filter (where f.mode = 'VIDEO'), count(distinct f.agency_code), count(distinct f.answered_on),
                   b.answered_on, b.n
            from f join busiest b on b.assessor = f.assessor
            group by f.assessor, b.answered_on, b.n
            order by count(*) desc, f.assessor""";

    @GetMapping("/surveys/field")
    String page(@RequestParam Optional<Integer> year, Model model) {
        FiscalYear y = year.filter(v -> v >= 2500 && v <= 2700).map(FiscalYear::of)
                .orElseGet(() -> windows.today().map(SurveyWindow::year).orElse(FiscalYear.containing(cycles.today())));
        Map<String, UserAccounts.Account> byName = accounts.all().stream()
                .collect(Collectors.toMap(a -> a.username().toLowerCase(java.util.Locale.ROOT), Function.identity(), (a, b) -> a));
        List<Row> rows = new ArrayList<>(jdbc.sql(BY_ASSESSOR).param(y.buddhistEra()).query((rs, i) -> {
            UserAccounts.Account a = byName.get(rs.getString(1));
            return new Row(a == null ? rs.getString(1) : a.username(), a == null ? rs.getString(1) : a.displayName(), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, LocalDate.class), rs.getLong(9));
        }).list());
        model.addAttribute("year", y.buddhistEra());
        model.addAttribute("rows", rows);
        model.addAttribute("total", rows.stream().mapToLong(Row::answers).sum());
        return "survey/admin/field-work";
    }
}
