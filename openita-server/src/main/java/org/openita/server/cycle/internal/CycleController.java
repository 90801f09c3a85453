package org.openita.server.cycle.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.web.FormDates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The central administrator creates a fiscal year's cycle and sets its phase dates. */
@Controller
class CycleController {

    private final CycleService cycles;
    private final FormDates dates;

    CycleController(CycleService cycles, FormDates dates) {
        this.cycles = cycles;
        this.dates = dates;
    }

    @GetMapping("/cycles")
    String list(Model model) {
        model.addAttribute("years", cycles.years());
        model.addAttribute("nextYear", FiscalYear.containing(cycles.today()).buddhistEra());
        return "cycles/list";
    }

    @PostMapping("/cycles")
    String create(@RequestParam int year, Principal principal) {
        if (year < 2560 || year > 2700) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "fiscal year out of range");
        }
        if (cycles.windows(year).isEmpty()) {
            cycles.save(principal.getName(), FiscalYear.of(year), CycleCalendar.defaults(FiscalYear.of(year)));
        }
        return "redirect:/cycles/" + year;
    }

    @GetMapping("/cycles/{year}")
    String edit(@PathVariable int year, Model model, Locale locale) {
        List<PhaseWindow> windows = cycles.windows(year).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no cycle for " + year));
        model.addAttribute("year", year);
        model.addAttribute("windows", windows);
        model.addAttribute("current", CycleCalendar.current(windows, cycles.today()));
        return "cycles/edit";
    }

    /**
     * Saves the phase dates typed as day/month/year (Buddhist era on Thai pages). A date that cannot be read is
     * explained beside its field; a calendar that breaks a rule is explained above the table; either way the
     * page shows the dates as typed and nothing is stored.
     */
    @PostMapping("/cycles/{year}")
    String save(@PathVariable int year, @RequestParam Map<String, String> form, Principal principal, Model model, Locale locale) {
        List<PhaseWindow> stored = cycles.windows(year).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no cycle for " + year));
        FormDates.Reader reader = dates.reader(locale);
        List<PhaseWindow> windows = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> dateErrors = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            FormDates.Outcome start = read(reader, form, p.name() + ".start", typed, dateErrors, locale);
            FormDates.Outcome end = read(reader, form, p.name() + ".end", typed, dateErrors, locale);
            if (start.ok() && end.ok()) {
                windows.add(new PhaseWindow(p, start.date(), end.date()));
            }
        }
        List<String> problems = new ArrayList<>();
        if (dateErrors.isEmpty()) {
            problems.addAll(cycles.save(principal.getName(), FiscalYear.of(year), windows));
        }
        if (!dateErrors.isEmpty() || !problems.isEmpty()) {
            model.addAttribute("year", year);
            model.addAttribute("windows", stored);
            model.addAttribute("typed", typed);
            model.addAttribute("dateErrors", dateErrors);
            model.addAttribute("current", List.of());
            model.addAttribute("problems", problems.isEmpty() ? null : problems.stream().map(s -> s.split(":")).toList());
            return "cycles/edit";
        }
        return "redirect:/cycles/" + year + "?saved";
    }

    private static FormDates.Outcome read(FormDates.Reader reader, Map<String, String> form, String name, Map<String, String> typed,
                                          Map<String, String> errors, Locale locale) {
        String text = form.getOrDefault(name, "");
        typed.put(name, text);
        FormDates.Outcome o = reader.read(text);
        if (!o.ok()) {
            errors.put(name, "en".equals(locale.getLanguage()) ? o.en() : o.th());
        }
        return o;
    }
}
