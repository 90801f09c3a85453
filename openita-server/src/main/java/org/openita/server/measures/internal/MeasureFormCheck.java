package org.openita.server.measures.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitItem;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasureProblem;
import org.openita.server.web.FormDates;
import org.openita.server.web.TextInput;
import org.springframework.stereotype.Component;

/**
 * The checks of a measure as typed: lengths, dates (the due date not before the start), OIT items of the year's
 * framework, milestones with both a label and a date. Every problem is reported, in Thai and English, at once.
 */
@Component
public class MeasureFormCheck {

    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 4000;
    /** A framework has at most 43 OIT items; a measure names some of them. */
    static final int MAX_OIT_ITEMS = 100;
    static final int MAX_MILESTONES = 50;
    static final int MAX_MILESTONE_LABEL = 300;

    private final FrameworkCatalog frameworks;

    MeasureFormCheck(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    /** The checked fields of a form; the problems with it are added to {@code problems}. */
    public CheckedMeasure check(FiscalYear year, MeasureForm f, List<MeasureProblem> problems) {
        String title = f.getTitle().strip();
        if (title.isEmpty()) {
            problems.add(new MeasureProblem("title", "กรุณาใส่ชื่อมาตรการ", "the measure needs a title"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new MeasureProblem("title", "ชื่อมาตรการยาวเกิน " + MAX_TITLE + " ตัวอักษร", "the title is longer than " + MAX_TITLE + " characters"));
        }
        for (String[] field : new String[][] {{"steps", f.getSteps(), "ขั้นตอน", "steps"}, {"addresses", f.getAddresses(), "ประเด็นที่แก้ไข", "what it addresses"},
                {"unit", f.getUnit(), "หน่วยงานที่รับผิดชอบ", "responsible unit"}, {"owner", f.getOwner(), "ผู้รับผิดชอบ", "owner"},
                {"success", f.getSuccess(), "ตัวชี้วัดความสำเร็จ", "success indicator"}}) {
            if (field[1].length() > MAX_TEXT) {
                problems.add(new MeasureProblem(field[0], field[2] + " ยาวเกิน " + MAX_TEXT + " ตัวอักษร", field[3] + " is longer than " + MAX_TEXT + " characters"));
            }
        }
        LocalDate start = date("startsOn", f.getStartsOn(), f.dateReader(), problems);
        LocalDate due = date("dueOn", f.getDueOn(), f.dateReader(), problems);
        if (start != null && due != null && due.isBefore(start)) {
            problems.add(new MeasureProblem("dueOn", "วันแล้วเสร็จต้องไม่ก่อนวันเริ่ม", "the due date is before the start date"));
        }
        List<String> oit = MeasureRows.codes(f.getOitItems());
        checkOitItems(year, oit, problems);
        List<CheckedMeasure.Milestone> milestones = milestones(f, problems);
        return new CheckedMeasure(title, String.join("\n", MeasureRows.lines(f.getSteps())), f.getUnit(), f.getOwner(), start, due,
                f.getAddresses().strip(), oit, milestones, f.getSuccess().strip());
    }

    private void checkOitItems(FiscalYear year, List<String> oit, List<MeasureProblem> problems) {
        if (oit.size() > MAX_OIT_ITEMS) {
            // one problem, not one for each of thousands of codes
            problems.add(new MeasureProblem("oitItems", "ระบุข้อ OIT ได้ไม่เกิน " + MAX_OIT_ITEMS + " ข้อ", "at most " + MAX_OIT_ITEMS + " OIT items"));
            return;
        }
        Set<String> known = frameworks.active(year.buddhistEra()).map(FrameworkDefinition::oitItems).orElse(List.of()).stream()
                .map(OitItem::code).collect(Collectors.toSet());
        for (String c : oit) {
            if (!known.contains(c)) {
                problems.add(new MeasureProblem("oitItems", "ไม่มีข้อ OIT \"" + shown(c) + "\" ในเกณฑ์ปี " + year,
                        "no OIT item \"" + shown(c) + "\" in the " + year + " framework"));
            }
        }
    }

    private static List<CheckedMeasure.Milestone> milestones(MeasureForm f, List<MeasureProblem> problems) {
        List<CheckedMeasure.Milestone> milestones = new ArrayList<>();
        int rows = Math.max(f.getMilestoneLabel().size(), f.getMilestoneDue().size());
        if (rows > MAX_MILESTONES) {
            problems.add(new MeasureProblem("milestones", "การติดตามผลมีได้ไม่เกิน " + MAX_MILESTONES + " ข้อ", "at most " + MAX_MILESTONES + " milestones"));
            return milestones;
        }
        for (int i = 0; i < rows; i++) {
            // a list bound from milestoneLabel[1] alone has no item 0: a gap is an empty milestone
            String label = i < f.getMilestoneLabel().size() ? Objects.toString(f.getMilestoneLabel().get(i), "").strip() : "";
            String dueText = i < f.getMilestoneDue().size() ? Objects.toString(f.getMilestoneDue().get(i), "").strip() : "";
            if (label.isEmpty() && dueText.isEmpty()) {
                continue;
            }
            String field = "milestone" + (i + 1);
            if (label.isEmpty() || dueText.isEmpty()) {
                problems.add(new MeasureProblem(field, "การติดตามผลข้อที่ " + (i + 1) + " ต้องมีทั้งหัวข้อและวันที่",
                        "milestone " + (i + 1) + " needs both a label and a date"));
                continue;
            }
            if (label.length() > MAX_MILESTONE_LABEL) {
                problems.add(new MeasureProblem(field, "หัวข้อการติดตามผลยาวเกิน " + MAX_MILESTONE_LABEL + " ตัวอักษร",
                        "the milestone label is longer than " + MAX_MILESTONE_LABEL + " characters"));
                continue;
            }
            LocalDate d = date(field, dueText, f.dateReader(), problems);
            if (d != null) {
                milestones.add(new CheckedMeasure.Milestone(label, d));
            }
        }
        return milestones;
    }

    /** What was typed, as a problem quotes it: short, with control characters spelled out. */
    public static String shown(String text) {
        return TextInput.quote(text, 60);
    }

    /** A date from the web form (read by {@code reader}) or the API (ISO, when {@code reader} is null). */
    private static LocalDate date(String field, String text, FormDates.Reader reader, List<MeasureProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (reader != null) {
            var read = reader.read(text);
            if (!read.ok()) {
                problems.add(new MeasureProblem(field, read.th(), read.en()));
            }
            return read.date();
        }
        try {
            LocalDate d = LocalDate.parse(ThaiFormat.toArabicDigits(text.strip()));
            if (d.getYear() < 1950 || d.getYear() > 2200) {
                problems.add(new MeasureProblem(field, "วันที่ \"" + shown(text) + "\" อยู่นอกช่วงที่รับได้ (ใช้ปี ค.ศ. ในรูปแบบ ปปปป-ดด-วว)",
                        "the date \"" + shown(text) + "\" is out of range (use yyyy-mm-dd, Gregorian year)"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new MeasureProblem(field, "วันที่ \"" + shown(text) + "\" อ่านไม่ได้ ใช้รูปแบบ ปปปป-ดด-วว", "the date \"" + shown(text) + "\" cannot be read; use yyyy-mm-dd"));
            return null;
        }
    }
}
