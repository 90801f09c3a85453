package org.openita.server.measures;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.measures.internal.MeasureFormCheck;
import org.openita.server.measures.internal.MeasureRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress on a measure through the year: its new status, a note (the reason, when dropped), evidence links (http or
 * https, one per line) and the milestones reached. Progress changes no plan: a confirmed plan stays confirmed, and
 * {@link MeasureProgressRecorded} tells whoever shows the status.
 */
@Service
public class ProgressRecording {

    static final int MAX_LINKS = 20;

    private final MeasureRows rows;
    private final MeasurePlans plans;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ProgressRecording(MeasureRows rows, MeasurePlans plans, AuditTrail audit, ApplicationEventPublisher events) {
        this.rows = rows;
        this.plans = plans;
        this.audit = audit;
        this.events = events;
    }

    /** Records progress; null when the plan has no such measure. */
    @Transactional
    public MeasureChange recordProgress(String actor, AgencyCode agency, FiscalYear year, long id, String statusText, String note, String evidence,
                                        List<Long> reachedMilestones) {
        Measure m = plans.measure(agency, year, id).orElse(null);
        if (m == null) {
            return null;
        }
        List<MeasureProblem> problems = new ArrayList<>();
        MeasureStatus status = null;
        try {
            status = MeasureStatus.valueOf(statusText == null ? "" : statusText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new MeasureProblem("status", "กรุณาเลือกสถานะ: ยังไม่เริ่ม อยู่ระหว่างดำเนินการ แล้วเสร็จ หรือยกเลิก",
                    "choose a status: NOT_STARTED, IN_PROGRESS, DONE or DROPPED"));
        }
        String text = note == null ? "" : note.strip();
        if (status == MeasureStatus.DROPPED && text.isEmpty()) {
            problems.add(new MeasureProblem("note", "การยกเลิกมาตรการต้องระบุเหตุผล", "dropping a measure needs a reason in the note"));
        }
        if (text.length() > MeasureFormCheck.MAX_TEXT) {
            problems.add(new MeasureProblem("note", "บันทึกยาวเกิน " + MeasureFormCheck.MAX_TEXT + " ตัวอักษร",
                    "the note is longer than " + MeasureFormCheck.MAX_TEXT + " characters"));
        }
        List<String> links = MeasureRows.lines(evidence);
        for (String link : links.size() > MAX_LINKS ? List.<String>of() : links) {
            if (!isWebLink(link)) {
                String shown = MeasureFormCheck.shown(link);
                problems.add(new MeasureProblem("evidence", "ลิงก์หลักฐาน \"" + shown + "\" ต้องขึ้นต้นด้วย http:// หรือ https://",
                        "evidence link \"" + shown + "\" must start with http:// or https://"));
            }
        }
        if (links.size() > MAX_LINKS) {
            problems.add(new MeasureProblem("evidence", "ใส่ลิงก์หลักฐานได้ไม่เกิน " + MAX_LINKS + " ลิงก์ต่อครั้ง", "at most " + MAX_LINKS + " evidence links per update"));
        }
        Set<Long> own = m.milestones().stream().map(Measure.Milestone::id).collect(Collectors.toSet());
        List<Long> reached = reachedMilestones == null ? List.of() : reachedMilestones;
        if (!own.containsAll(reached)) {
            problems.add(new MeasureProblem("milestones", "การติดตามผลที่เลือกไม่ใช่ของมาตรการนี้", "a chosen milestone does not belong to this measure"));
        }
        if (!problems.isEmpty()) {
            return MeasureChange.problems(problems);
        }
        LocalDate today = plans.today();
        rows.recordProgress(id, today, actor, status, text, links, reached);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("note", text);
        after.put("evidence", links);
        after.put("milestonesReached", reached);
        audit.record(actor, "MEASURE_PROGRESS", MeasureEditing.subject(agency, year, id), Map.of("status", m.status().name()), after);
        events.publishEvent(new MeasureProgressRecorded(agency, year, id));
        return MeasureChange.ok(id);
    }

    static boolean isWebLink(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
