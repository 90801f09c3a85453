package org.openita.server.api.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.openita.core.analysis.Analysis;
import java.time.Instant;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasureChange;
import org.openita.server.measures.MeasureEditing;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.measures.MeasureProblem;
import org.openita.server.measures.PlanConfirmation;
import org.openita.server.measures.ProgressRecording;
import org.openita.server.results.OfficialResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.openita.server.agency.AgencyAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An agency's measures for an assessment year: read, add, change, remove, record progress, confirm. */
@RestController
@Tag(name = "Measures", description = "The measures plan and its progress")
class MeasuresApi {

    /** A measure as sent: dates ISO (yyyy-mm-dd); version is the one read, required to change a measure. */
    record MeasureRequest(String title, List<String> steps, String unit, String owner, String startsOn, String dueOn, String addresses,
                          List<String> oitItems, List<MilestoneRequest> milestones, Integer version, String success) {
    }

    record MilestoneRequest(String label, String dueOn) {
    }

    /** A progress update: status NOT_STARTED, IN_PROGRESS, DONE or DROPPED (with the reason in note). */
    record ProgressRequest(String status, String note, List<String> evidence, List<Long> reachedMilestones) {
    }

    /** The plan as the API answers it. */
    record PlanResponse(String agencyCode, int year, Instant confirmedAt, String confirmedBy, boolean confirmed, List<Measure> measures) {
        static PlanResponse of(MeasurePlan p) {
            return new PlanResponse(p.agency().value(), p.year().buddhistEra(), p.confirmedAt(), p.confirmedBy(), p.confirmed(), p.measures());
        }
    }

    private final MeasurePlans plans;
    private final MeasureEditing editing;
    private final ProgressRecording progress;
    private final PlanConfirmation confirmation;
    private final OfficialResults results;
    private final AgencyAccess access;

    MeasuresApi(MeasurePlans plans, MeasureEditing editing, ProgressRecording progress, PlanConfirmation confirmation, OfficialResults results,
                AgencyAccess access) {
        this.plans = plans;
        this.editing = editing;
        this.progress = progress;
        this.confirmation = confirmation;
        this.results = results;
        this.access = access;
    }

    private Analysis analysis(AgencyCode code, FiscalYear year) {
        return results.analysis(code, year).orElseThrow(ApiException::notFound);
    }

    @Operation(summary = "The plan: its measures with milestones and progress, and whether it is confirmed")
    @GetMapping("/api/v1/agencies/{code}/measures/{year}")
    PlanResponse plan(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth) {
        access.requireVisible(auth, code);
        analysis(code, year);
        return PlanResponse.of(plans.planOrEmpty(code, year));
    }

    @Operation(summary = "Add the measures the analysis proposes, if the plan has none yet")
    @PostMapping("/api/v1/agencies/{code}/measures/{year}/drafts")
    PlanResponse drafts(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth) {
        access.requireManageable(auth, code);
        Analysis a = analysis(code, year);
        editing.startFromDrafts(auth.getName(), code, year, a.measures(), a.measuresYear());
        return PlanResponse.of(plans.planOrEmpty(code, year));
    }

    @Operation(summary = "Add a measure")
    @PostMapping("/api/v1/agencies/{code}/measures/{year}")
    ResponseEntity<Measure> create(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestBody MeasureRequest body, Authentication auth) {
        access.requireManageable(auth, code);
        analysis(code, year);
        MeasureChange r = editing.create(auth.getName(), code, year, form(body));
        Measure m = outcome(r, code, year);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + code + "/measures/" + year + "/" + m.id())).body(m);
    }

    @Operation(summary = "Change a measure", description = "Send the version you read; if someone changed it since, the answer is 409 version-conflict.")
    @PutMapping("/api/v1/agencies/{code}/measures/{year}/{id}")
    Measure update(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable long id, @RequestBody MeasureRequest body, Authentication auth) {
        access.requireManageable(auth, code);
        if (body.version() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "version is required to change a measure",
                    "ต้องส่ง version ของมาตรการที่อ่านมา", List.of(new MeasureProblem("version", "ต้องส่ง version", "version is required")));
        }
        MeasureChange r = editing.update(auth.getName(), code, year, id, form(body));
        if (r == null) {
            throw ApiException.notFound();
        }
        return outcome(r, code, year);
    }

    @Operation(summary = "Remove a measure")
    @DeleteMapping("/api/v1/agencies/{code}/measures/{year}/{id}")
    ResponseEntity<Void> delete(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable long id, Authentication auth) {
        access.requireManageable(auth, code);
        if (!editing.delete(auth.getName(), code, year, id)) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Record progress on a measure")
    @PostMapping("/api/v1/agencies/{code}/measures/{year}/{id}/progress")
    ResponseEntity<Measure> progress(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable long id, @RequestBody ProgressRequest body,
                                     Authentication auth) {
        access.requireManageable(auth, code);
        MeasureChange r = progress.recordProgress(auth.getName(), code, year, id, body.status(), body.note(),
                body.evidence() == null ? "" : String.join("\n", body.evidence()), body.reachedMilestones());
        if (r == null) {
            throw ApiException.notFound();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(outcome(r, code, year));
    }

    @Operation(summary = "Confirm the plan: the analysis report prints these measures from now on")
    @PostMapping("/api/v1/agencies/{code}/measures/{year}/confirm")
    PlanResponse confirm(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth) {
        access.requireManageable(auth, code);
        analysis(code, year);
        confirmation.confirm(auth.getName(), code, year);
        return PlanResponse.of(plans.planOrEmpty(code, year));
    }

    private Measure outcome(MeasureChange r, AgencyCode code, FiscalYear year) {
        if (r.conflict()) {
            throw new ApiException(HttpStatus.CONFLICT, "version-conflict", r.problems().get(0).en(), r.problems().get(0).th(), r.problems());
        }
        if (!r.ok()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "the measure was not saved: " + r.problems().size() + " problems",
                    "ไม่ได้บันทึกมาตรการ: พบปัญหา " + r.problems().size() + " รายการ", r.problems());
        }
        return plans.measure(code, year, r.id()).orElseThrow(ApiException::notFound);
    }

    private static MeasureForm form(MeasureRequest b) {
        MeasureForm f = new MeasureForm();
        f.setTitle(b.title());
        f.setSteps(b.steps() == null ? "" : String.join("\n", b.steps()));
        f.setUnit(b.unit());
        f.setOwner(b.owner());
        f.setStartsOn(b.startsOn());
        f.setDueOn(b.dueOn());
        f.setAddresses(b.addresses());
        f.setSuccess(b.success());
        f.setOitItems(b.oitItems() == null ? "" : String.join(",", b.oitItems()));
        List<String> labels = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        if (b.milestones() != null) {
            for (MilestoneRequest m : b.milestones()) {
                labels.add(m == null || m.label() == null ? "" : m.label());
                dates.add(m == null || m.dueOn() == null ? "" : m.dueOn());
            }
        }
        f.setMilestoneLabel(labels);
        f.setMilestoneDue(dates);
        f.setVersion(b.version() == null ? 0 : b.version());
        return f;
    }
}
