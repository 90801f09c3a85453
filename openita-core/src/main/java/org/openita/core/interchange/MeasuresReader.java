package org.openita.core.interchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the measures an agency confirmed (docs/schemas/measures.schema.json):
 * {"measures": [{"measure", "addresses", "steps": [...], "unit", "progressDate", "dueDate"}]}. Dates are
 * ISO (2026-03-31) and must fall inside the fiscal year the measures run in.
 */
public final class MeasuresReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("measure", "addresses", "steps", "unit", "progressDate", "dueDate");

    private MeasuresReader() {
    }

    public static List<DraftMeasure> read(String json, FiscalYear year) {
        List<InputProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new InputProblem("", "ไม่ใช่ JSON ที่ถูกต้อง", "not valid JSON: " + e.getOriginalMessage())));
        }
        JsonNode list = root == null ? null : root.get("measures");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidInputException(List.of(new InputProblem("measures",
                    "ต้องมีรายการมาตรการอย่างน้อย 1 รายการ", "expected a non-empty list of measures")));
        }
        List<DraftMeasure> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String f = "measures[" + i + "]";
            JsonNode m = list.get(i);
            if (!m.isObject()) {
                problems.add(new InputProblem(f, "ต้องเป็นออบเจกต์", "expected an object"));
                continue;
            }
            for (String k : m.propertyNames()) {
                if (!FIELDS.contains(k)) {
                    problems.add(new InputProblem(f + "." + k, "ไม่รู้จักฟิลด์นี้", "unknown field (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
                }
            }
            String measure = text(m, "measure", f, problems);
            String unit = text(m, "unit", f, problems);
            String addresses = m.has("addresses") && m.get("addresses").isString() ? m.get("addresses").asString() : "";
            List<LocalizedText> steps = new ArrayList<>();
            JsonNode s = m.get("steps");
            if (s == null || !s.isArray() || s.isEmpty()) {
                problems.add(new InputProblem(f + ".steps", "ต้องมีขั้นตอนอย่างน้อย 1 ขั้นตอน", "expected a non-empty list of steps"));
            } else {
                s.forEach(x -> steps.add(LocalizedText.of(x.asString(), x.asString())));
            }
            LocalDate progress = date(m, "progressDate", f, year, problems);
            LocalDate due = date(m, "dueDate", f, year, problems);
            if (progress != null && due != null && progress.isAfter(due)) {
                problems.add(new InputProblem(f + ".progressDate", "วันรายงานความก้าวหน้าต้องไม่หลังวันแล้วเสร็จ",
                        "the progress date must not be after the due date"));
            }
            if (measure != null && unit != null && progress != null && due != null && !steps.isEmpty()) {
                out.add(new DraftMeasure(LocalizedText.of(measure, measure), steps, unit, LocalizedText.of(addresses, addresses), progress, due));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    private static String text(JsonNode m, String field, String f, List<InputProblem> problems) {
        JsonNode v = m.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            problems.add(new InputProblem(f + "." + field, "ต้องระบุเป็นข้อความ", "a text is required"));
            return null;
        }
        return v.asString();
    }

    private static LocalDate date(JsonNode m, String field, String f, FiscalYear year, List<InputProblem> problems) {
        String v = text(m, field, f, problems);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isBefore(year.firstDay()) || d.isAfter(year.lastDay())) {
                problems.add(new InputProblem(f + "." + field, "วันที่ต้องอยู่ในปีงบประมาณ พ.ศ. " + year + " (" + year.firstDay() + " ถึง " + year.lastDay() + ")",
                        "must fall inside fiscal year " + year + " (" + year.firstDay() + " to " + year.lastDay() + ")"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem(f + "." + field, "วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2026-03-31",
                    "expected an ISO date such as 2026-03-31"));
            return null;
        }
    }
}
