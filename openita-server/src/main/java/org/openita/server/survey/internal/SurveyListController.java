package org.openita.server.survey.internal;

import java.util.List;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every agency's survey progress in a year, for the central administrator: each part's responses against its own
 * minimum, those below a minimum in either part first ({@link ProgressOrder}), sortable through plain links, a page of
 * {@link #PAGE} agencies at a time. The counts come from {@link ProgressBoard}, which says when they were counted.
 */
@Controller
class SurveyListController {

    static final int PAGE = 100;

    private final ProgressBoard boards;
    private final SurveyWindows windows;
    private final CycleService cycles;

    SurveyListController(ProgressBoard boards, SurveyWindows windows, CycleService cycles) {
        this.boards = boards;
        this.windows = windows;
        this.cycles = cycles;
    }

    @GetMapping("/surveys")
    String list(@RequestParam Optional<Integer> year, @RequestParam(defaultValue = "shortfall") String sort,
                @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "") String q, Model model) {
        FiscalYear y = year.filter(v -> v >= 2500 && v <= 2700).map(FiscalYear::of)
                .orElseGet(() -> windows.today().map(SurveyWindow::year).orElse(FiscalYear.containing(cycles.today())));
        ProgressOrder by = ProgressOrder.of(sort);
        ProgressBoard.Board board = boards.of(y);
        // an agency looked for by its code or a part of its name: one of 8,300 is not found by paging
        String sought = q.strip();
        if (sought.length() > 100) {
            sought = sought.substring(0, 100);
        }
        List<AgencyProgress> sorted = sought.isEmpty() ? board.in(by) : matching(board.in(by), sought);
        model.addAttribute("q", sought);
        int pages = Math.max(1, (sorted.size() + PAGE - 1) / PAGE);
        int p = Math.min(Math.max(1, page), pages);
        model.addAttribute("year", y.buddhistEra());
        model.addAttribute("sort", by.param);
        model.addAttribute("orders", List.of(ProgressOrder.values()).stream()
                .filter(o -> board.hasSurvey() || (o != ProgressOrder.SURVEY && o != ProgressOrder.SURVEY_SHORT)).map(o -> o.param).toList());
        model.addAttribute("rows", sorted.subList((p - 1) * PAGE, Math.min(sorted.size(), p * PAGE)));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", board.all().size());
        model.addAttribute("below", board.below());
        model.addAttribute("iitBelow", board.iitBelow());
        model.addAttribute("eitBelow", board.eitBelow());
        model.addAttribute("iitTotal", board.iitTotal());
        model.addAttribute("eitTotal", board.eitTotal());
        model.addAttribute("hasSurvey", board.hasSurvey());
        model.addAttribute("surveyBelow", board.surveyBelow());
        model.addAttribute("surveyTotal", board.surveyTotal());
        model.addAttribute("provisional", board.provisional());
        model.addAttribute("countedAt", board.countedAt());
        model.addAttribute("countsFor", boards.countsFor().toSeconds());
        model.addAttribute("smallest", ResponseExport.IIT_SMALLEST);
        return "survey/admin/list";
    }

    /** The rows whose code is the one sought (any case) or whose name contains what was typed. */
    static List<AgencyProgress> matching(List<AgencyProgress> rows, String sought) {
        String lower = sought.toLowerCase(java.util.Locale.ROOT);
        return rows.stream().filter(r -> r.code().value().equalsIgnoreCase(sought) || r.name().toLowerCase(java.util.Locale.ROOT).contains(lower)
                || r.code().value().toLowerCase(java.util.Locale.ROOT).contains(lower)).toList();
    }
}
