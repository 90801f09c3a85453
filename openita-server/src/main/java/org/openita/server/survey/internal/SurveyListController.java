package org.openita.server.survey.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every agency's survey progress in a year, for the central administrator: responses against the minimums, those
 * below a minimum first (largest shortfall first), sortable by name, counts or shortfall through plain links, a page
 * of {@link #PAGE} agencies at a time. The counts of the whole registry are one GROUP BY.
 */
@Controller
class SurveyListController {

    static final int PAGE = 100;

    enum Sort {
        SHORTFALL, NAME, IIT, EIT;

        static Sort of(String s) {
            for (Sort x : values()) {
                if (x.name().equalsIgnoreCase(s)) {
                    return x;
                }
            }
            return SHORTFALL;
        }
    }

    private final SurveyProgress progress;
    private final SurveyWindows windows;
    private final CycleService cycles;

    SurveyListController(SurveyProgress progress, SurveyWindows windows, CycleService cycles) {
        this.progress = progress;
        this.windows = windows;
        this.cycles = cycles;
    }

    @GetMapping("/surveys")
    String list(@RequestParam Optional<Integer> year, @RequestParam(defaultValue = "shortfall") String sort,
                @RequestParam(defaultValue = "1") int page, Model model) {
        FiscalYear y = year.filter(v -> v >= 2500 && v <= 2700).map(FiscalYear::of)
                .orElseGet(() -> windows.today().map(SurveyWindow::year).orElse(FiscalYear.containing(cycles.today())));
        Sort by = Sort.of(sort);
        List<AgencyProgress> all = progress.all(y);
        List<AgencyProgress> sorted = sorted(all, by);
        int pages = Math.max(1, (sorted.size() + PAGE - 1) / PAGE);
        int p = Math.min(Math.max(1, page), pages);
        model.addAttribute("year", y.buddhistEra());
        model.addAttribute("sort", by.name().toLowerCase(Locale.ROOT));
        model.addAttribute("rows", sorted.subList((p - 1) * PAGE, Math.min(sorted.size(), p * PAGE)));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        model.addAttribute("below", all.stream().filter(AgencyProgress::below).count());
        model.addAttribute("iitTotal", all.stream().mapToLong(AgencyProgress::iit).sum());
        model.addAttribute("eitTotal", all.stream().mapToLong(AgencyProgress::eitPublic).sum());
        model.addAttribute("provisional", all.stream().anyMatch(r -> r.iitTarget().provisional() || r.eitTarget().provisional()));
        model.addAttribute("smallest", ResponseExport.IIT_SMALLEST);
        return "survey/admin/list";
    }

    /** In the order of a sort; ties by name (Thai collation, keys made once), then code, so pages never overlap. */
    static List<AgencyProgress> sorted(List<AgencyProgress> all, Sort by) {
        Collator thai = Collator.getInstance(Locale.forLanguageTag("th-TH"));
        record Keyed(CollationKey name, AgencyProgress row) {
        }
        Comparator<Keyed> byName = Comparator.comparing(Keyed::name).thenComparing(k -> k.row().code().value());
        Comparator<Keyed> order = switch (by) {
            case NAME -> byName;
            case IIT -> Comparator.comparingInt((Keyed k) -> k.row().iit()).thenComparing(byName);
            case EIT -> Comparator.comparingInt((Keyed k) -> k.row().eitPublic()).thenComparing(byName);
            case SHORTFALL -> Comparator.comparing((Keyed k) -> !k.row().below())
                    .thenComparing(Comparator.comparingInt((Keyed k) -> k.row().shortfall()).reversed()).thenComparing(byName);
        };
        return all.stream().map(r -> new Keyed(thai.getCollationKey(r.name()), r)).sorted(order).map(Keyed::row).toList();
    }
}
