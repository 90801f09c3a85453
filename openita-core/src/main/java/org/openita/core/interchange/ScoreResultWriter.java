package org.openita.core.interchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LocalizedText;
import org.openita.core.scoring.FigureCheck;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoreWarning;
import org.openita.core.scoring.ScoringEngine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a score result as the documented JSON contract (docs/schemas/score-output.schema.json) or as
 * a readable table. Figures are rounded half-up to two decimals; unknown figures are null.
 */
public final class ScoreResultWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScoreResultWriter() {
    }

    public static Map<String, Object> toMap(ScoreResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", r.year().buddhistEra());
        m.put("agency", r.agency());
        Map<String, Object> ind = new LinkedHashMap<>();
        r.indicators().forEach((k, v) -> ind.put(Integer.toString(k), round(v)));
        m.put("indicators", ind);
        Map<String, Object> tools = new LinkedHashMap<>();
        r.tools().forEach((k, v) -> tools.put(k, round(v)));
        m.put("tools", tools);
        m.put("overall", round(r.overall()));
        m.put("computedOverall", round(r.computedOverall()));
        m.put("publishedOverall", round(r.publishedOverall()));
        m.put("level", r.level().isDetermined() ? r.level().level().name().th() : null);
        m.put("levelCode", r.level().isDetermined() ? r.level().level().code() : null);
        m.put("levelReason", text(r.level().reason()));
        m.put("levelMissing", r.level().missing());
        m.put("publishedLevel", r.publishedLevel());
        m.put("provisional", r.provisional());
        m.put("provisionalEntries", r.provisionalEntries().stream().map(ScoreResultWriter::text).toList());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (ScoreWarning w : r.warnings()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("code", w.code());
            wm.put("th", w.message().th());
            wm.put("en", w.message().en());
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (FigureCheck c : r.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("key", c.key());
            cm.put("given", round(c.given()));
            cm.put("recomputed", round(c.computed()));
            cm.put("difference", round(c.difference()));
            cm.put("differs", c.differs());
            cm.put("rule", text(c.rule()));
            checks.add(cm);
        }
        m.put("checks", checks);
        return m;
    }

    public static String json(ScoreResult r) {
        return JSON.writeValueAsString(toMap(r));
    }

    private static Map<String, String> text(LocalizedText t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("th", t.th());
        m.put("en", t.en());
        return m;
    }

    private static BigDecimal round(Double v) {
        return v == null ? null : Rounding.display(v);
    }

    /** A plain-text table for a terminal, in Thai and English. */
    public static String table(ScoreResult r, FrameworkDefinition def) {
        StringBuilder sb = new StringBuilder();
        sb.append("OpenITA — ").append(def.title().th()).append('\n');
        if (r.agency() != null) {
            sb.append("หน่วยงาน / Agency: ").append(r.agency()).append('\n');
        }
        sb.append('\n').append(pad("ตัวชี้วัด / Indicator", 52)).append("คะแนน / Score\n");
        for (Indicator ind : def.indicators()) {
            String label = ind.number() + ". " + ind.name().th() + " (" + ind.name().en() + ")";
            sb.append(pad(label, 52)).append(fmt(r.indicators().get(ind.number()))).append('\n');
        }
        sb.append('\n').append(pad("เครื่องมือ / Tool", 52)).append('\n');
        r.tools().forEach((k, v) -> {
            boolean known = def.scoreKeys().contains(k);
            if (known) {
                LocalizedText n = ScoringEngine.scoreName(def, k);
                sb.append(pad(n.th().equals(k) ? k : n.th() + " [" + k + "]", 52)).append(fmt(v)).append('\n');
            }
        });
        sb.append('\n').append(pad("คะแนนรวม (คำนวณ) / Overall (computed)", 52)).append(fmt(r.computedOverall())).append('\n');
        if (r.publishedOverall() != null) {
            sb.append(pad("คะแนนรวม (ที่ประกาศ) / Overall (published)", 52)).append(fmt(r.publishedOverall())).append('\n');
        }
        if (r.level().isDetermined()) {
            sb.append("ระดับ / Level: ").append(r.level().level().name().th()).append(" (").append(r.level().level().name().en()).append(")\n");
        } else {
            sb.append("ระดับ / Level: ยังตัดสินไม่ได้ (undetermined)\n");
        }
        sb.append("  ").append(r.level().reason().th()).append("\n  ").append(r.level().reason().en()).append('\n');
        if (r.publishedLevel() != null) {
            sb.append("ระดับที่ประกาศ / Published level: ").append(r.publishedLevel()).append('\n');
        }
        if (r.provisional()) {
            sb.append("\nข้อมูลเบื้องต้น (ยังไม่ยืนยัน) / Provisional: ").append(String.join(", ", r.provisionalEntries().stream().map(LocalizedText::en).toList())).append('\n');
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nคำเตือน / Warnings:\n");
            r.warnings().forEach(w -> sb.append(" - ").append(w.message().th()).append("\n   ").append(w.message().en()).append('\n'));
        }
        return sb.toString();
    }

    private static String fmt(Double v) {
        return v == null ? "—" : Rounding.display(v).toPlainString();
    }

    /** Pads to a display width, not counting Thai combining marks, which take no column. */
    static String pad(String s, int width) {
        int w = displayWidth(s);
        return w >= width ? s + " " : s + " ".repeat(width - w);
    }

    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                w++;
            }
            i += Character.charCount(cp);
        }
        return w;
    }
}
