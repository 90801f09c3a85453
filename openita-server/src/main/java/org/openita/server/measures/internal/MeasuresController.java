package org.openita.server.measures.internal;

import java.util.List;
import java.util.Locale;
import org.openita.core.analysis.Analysis;
import org.openita.report.ReportFormat;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.measures.FollowUpReports;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasureChange;
import org.openita.server.measures.MeasureEditing;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.measures.MeasureProblem;
import org.openita.server.measures.PlanConfirmation;
import org.openita.server.measures.PlanYears;
import org.openita.server.measures.ProgressRecording;
import org.openita.server.results.OfficialResults;
import org.openita.server.web.FormDates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The measures plan of an agency for an assessment year: everyone who may see the agency reads it and
 * downloads the follow-up report; its administrator and the central administrator change it.
 */
@Controller
class MeasuresController {

    private final MeasurePlans plans;
    private final MeasureEditing editing;
    private final ProgressRecording progress;
    private final PlanConfirmation confirmation;
    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final AgencyAccess access;
    private final FollowUpReports reports;
    private final FormDates formDates;

    MeasuresController(MeasurePlans plans, MeasureEditing editing, ProgressRecording progress, PlanConfirmation confirmation,
                       OfficialResults results, AgencyRegistry agencies, AgencyAccess access, FollowUpReports reports, FormDates formDates) {
        this.plans = plans;
        this.editing = editing;
        this.progress = progress;
        this.confirmation = confirmation;
        this.results = results;
        this.agencies = agencies;
        this.access = access;
        this.reports = reports;
        this.formDates = formDates;
    }

    /** One milestone sent alone stays one: "Mar 31, 2026" is a date, not two list items split at the comma. */
    @InitBinder
    void milestonesAreNotSplitAtCommas(WebDataBinder binder) {
        binder.registerCustomEditor(List.class, "milestoneLabel", new CustomCollectionEditor(List.class));
        binder.registerCustomEditor(List.class, "milestoneDue", new CustomCollectionEditor(List.class));
    }

    // a code that is not one is "not found" (AgencyCode.Invalid, ADR 0018)
    private Agency visible(String code, Authentication auth) {
        access.requireVisible(auth, org.openita.server.agency.AgencyCode.of(code));
        return agencies.find(org.openita.server.agency.AgencyCode.of(code)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Agency manageable(String code, Authentication auth) {
        access.requireManageable(auth, org.openita.server.agency.AgencyCode.of(code));
        return agencies.find(org.openita.server.agency.AgencyCode.of(code)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Analysis analysis(String code, int year) {
        if (year < 2500 || year > 2700) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // not a fiscal year
        }
        return results.analysis(org.openita.server.agency.AgencyCode.of(code), org.openita.core.framework.FiscalYear.of(year))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A year from the address: one that cannot be a fiscal year has no page. */
    private static FiscalYear fiscalYear(int year) {
        try {
            return FiscalYear.of(year);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/agency/{code}/measures/{year}")
    String plan(@PathVariable String code, @PathVariable int year, Authentication auth, Model model) {
        Agency agency = visible(code, auth);
        Analysis analysis = analysis(code, year);
        MeasurePlan plan = plans.planOrEmpty(agency.code(), fiscalYear(year));
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        // titled and grouped by the fiscal years the measures really run in (a plan made late runs after year + 1)
        model.addAttribute("planYears", PlanYears.of(plan.year(), plan.measures(), analysis.schedule().year()));
        model.addAttribute("plan", plan);
        model.addAttribute("drafts", analysis.measures());
        model.addAttribute("today", plans.today());
        model.addAttribute("canManage", access.canManage(auth, agency.code()));
        return "measures/plan";
    }

    @PostMapping("/agency/{code}/measures/{year}/drafts")
    String startFromDrafts(@PathVariable String code, @PathVariable int year, Authentication auth) {
        Agency agency = manageable(code, auth);
        Analysis analysis = analysis(code, year);
        editing.startFromDrafts(auth.getName(), agency.code(), fiscalYear(year), analysis.measures(), analysis.measuresYear());
        return "redirect:/agency/" + code + "/measures/" + year;
    }

    @GetMapping("/agency/{code}/measures/{year}/new")
    String newForm(@PathVariable String code, @PathVariable int year, Authentication auth, Model model) {
        Agency agency = manageable(code, auth);
        analysis(code, year);
        MeasureForm form = new MeasureForm();
        form.padMilestones();
        return form(model, agency, year, null, form, List.of());
    }

    private String form(Model model, Agency agency, int year, Measure measure, MeasureForm form, List<MeasureProblem> problems) {
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("measure", measure);
        model.addAttribute("measureYear", measure == null ? null : PlanYears.yearOf(fiscalYear(year), measure));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "measures/edit";
    }

    @PostMapping("/agency/{code}/measures/{year}")
    String create(@PathVariable String code, @PathVariable int year, @ModelAttribute MeasureForm form, Authentication auth, Model model,
                  Locale locale) {
        Agency agency = manageable(code, auth);
        analysis(code, year);
        form.readDatesWith(formDates.reader(locale));
        MeasureChange r = editing.create(auth.getName(), agency.code(), fiscalYear(year), form);
        if (!r.ok()) {
            form.padMilestones();
            return form(model, agency, year, null, form, r.problems());
        }
        return "redirect:/agency/" + code + "/measures/" + year + "?saved";
    }

    @GetMapping("/agency/{code}/measures/{year}/{id}")
    String edit(@PathVariable String code, @PathVariable int year, @PathVariable long id, Authentication auth, Model model, Locale locale) {
        Agency agency = visible(code, auth);
        Measure m = plans.measure(agency.code(), fiscalYear(year), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("canManage", access.canManage(auth, agency.code()));
        model.addAttribute("today", plans.today());
        return form(model, agency, year, m, MeasureForm.of(m, d -> formDates.show(d, locale)), List.of());
    }

    @PostMapping("/agency/{code}/measures/{year}/{id}")
    String update(@PathVariable String code, @PathVariable int year, @PathVariable long id, @ModelAttribute MeasureForm form,
                  Authentication auth, Model model, Locale locale) {
        Agency agency = manageable(code, auth);
        form.readDatesWith(formDates.reader(locale));
        MeasureChange r = editing.update(auth.getName(), agency.code(), fiscalYear(year), id, form);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!r.ok()) {
            form.padMilestones();
            model.addAttribute("canManage", true);
            model.addAttribute("today", plans.today());
            return form(model, agency, year, plans.measure(agency.code(), fiscalYear(year), id).orElseThrow(), form, r.problems());
        }
        return "redirect:/agency/" + code + "/measures/" + year + "?saved";
    }

    @PostMapping("/agency/{code}/measures/{year}/{id}/delete")
    String delete(@PathVariable String code, @PathVariable int year, @PathVariable long id, Authentication auth) {
        Agency agency = manageable(code, auth);
        if (!editing.delete(auth.getName(), agency.code(), fiscalYear(year), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/agency/" + code + "/measures/" + year + "?deleted";
    }

    @PostMapping("/agency/{code}/measures/{year}/{id}/progress")
    String progress(@PathVariable String code, @PathVariable int year, @PathVariable long id,
                    @RequestParam(required = false) String status, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String evidence, @RequestParam(required = false) List<Long> reached,
                    Authentication auth, Model model, Locale locale) {
        Agency agency = manageable(code, auth);
        MeasureChange r = progress.recordProgress(auth.getName(), agency.code(), fiscalYear(year), id, status, note, evidence, reached);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!r.ok()) {
            Measure m = plans.measure(agency.code(), fiscalYear(year), id).orElseThrow();
            model.addAttribute("canManage", true);
            model.addAttribute("today", plans.today());
            model.addAttribute("progressProblems", r.problems());
            model.addAttribute("progressNote", note);
            model.addAttribute("progressEvidence", evidence);
            model.addAttribute("progressStatus", status);
            return form(model, agency, year, m, MeasureForm.of(m, d -> formDates.show(d, locale)), List.of());
        }
        return "redirect:/agency/" + code + "/measures/" + year + "/" + id + "?recorded";
    }

    @PostMapping("/agency/{code}/measures/{year}/confirm")
    String confirm(@PathVariable String code, @PathVariable int year, Authentication auth) {
        Agency agency = manageable(code, auth);
        analysis(code, year);
        confirmation.confirm(auth.getName(), agency.code(), fiscalYear(year));
        return "redirect:/agency/" + code + "/measures/" + year + "?confirmed";
    }

    @GetMapping("/agency/{code}/measures/{year}/follow-up.{format}")
    ResponseEntity<byte[]> followUp(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                    @RequestParam(defaultValue = "thai") String digits, Authentication auth) {
        Agency agency = visible(code, auth);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return reports.download(agency.code(), fiscalYear(year), f, digits);
    }
}
