package org.openita.server.cycle;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openita.core.framework.FiscalYear;
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

    CycleController(CycleService cycles) {
        this.cycles = cycles;
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

    @PostMapping("/cycles/{year}")
    String save(@PathVariable int year, @RequestParam java.util.Map<String, String> form, Principal principal, Model model, Locale locale) {
        cycles.windows(year).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no cycle for " + year));
        List<PhaseWindow> windows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Phase p : Phase.values()) {
            try {
                windows.add(new PhaseWindow(p, LocalDate.parse(form.getOrDefault(p.name() + ".start", "")),
                        LocalDate.parse(form.getOrDefault(p.name() + ".end", ""))));
            } catch (DateTimeParseException e) {
                problems.add("cycle.error.date:" + p);
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(cycles.save(principal.getName(), FiscalYear.of(year), windows));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("year", year);
            model.addAttribute("windows", windows.size() == Phase.values().length ? windows : cycles.windows(year).orElseThrow());
            model.addAttribute("current", List.of());
            model.addAttribute("problems", problems.stream().map(s -> s.split(":")).toList());
            return "cycles/edit";
        }
        return "redirect:/cycles/" + year + "?saved";
    }
}
