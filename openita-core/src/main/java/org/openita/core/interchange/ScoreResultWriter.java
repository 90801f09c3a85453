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
import org.openita.core.scoring.LevelSource;
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

    /** The result in the documented contract, as records. */
    public static ScoreOutput output(ScoreResult r) {
        Map<String, BigDecimal> ind = new LinkedHashMap<>();
        r.indicators().forEach((k, v) -> ind.put(Integer.toString(k), round(v)));
        Map<String, BigDecimal> tools = new LinkedHashMap<>();
        r.tools().forEach((k, v) -> tools.put(k, round(v)));
        Map<String, String> sources = new LinkedHashMap<>();
        r.indicators().forEach((k, v) -> sources.put(Integer.toString(k), source(r, Integer.toString(k), v)));
        r.tools().forEach((k, v) -> sources.put(k, source(r, k, v)));
        List<ScoreOutput.Warning> warnings = new ArrayList<>();
        for (ScoreWarning w : r.warnings()) {
            warnings.add(new ScoreOutput.Warning(w.code(), w.message().th(), w.message().en()));
        }
        List<ScoreOutput.Check> checks = new ArrayList<>();
        for (FigureCheck c : r.checks()) {
            checks.add(new ScoreOutput.Check(c.key(), round(c.given()), round(c.computed()), round(c.difference()), c.differs(), text(c.rule())));
        }
        return new ScoreOutput(r.year().buddhistEra(), r.agency(), ind, tools, round(r.overall()), round(r.computedOverall()),
                round(r.publishedOverall()), source(r, "overall", r.overall()),
                r.resultLevelName() == null ? null : r.resultLevelName().th(),
                r.resultLevel() == null ? null : r.resultLevel().code(),
                r.levelSource().json(),
                r.level().isDetermined() ? r.level().level().name().th() : null,
                r.level().isDetermined() ? r.level().level().code() : null,
                text(r.level().reason()), r.level().missing(), r.publishedLevel(), sources, r.provisional(),
                r.provisionalEntries().stream().map(ScoreResultWriter::text).toList(), warnings, checks);
    }

    /**
     * The same contract as a map in the documented order, for writers that add or drop fields (open data); nested
     * values are maps too. {@link #output} is the one place the fields are computed.
     */
    public static Map<String, Object> toMap(ScoreResult r) {
        ScoreOutput o = output(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", o.year());
        m.put("agency", o.agency());
        m.put("indicators", new LinkedHashMap<>(o.indicators()));
        m.put("tools", new LinkedHashMap<>(o.tools()));
        m.put("overall", o.overall());
        m.put("computedOverall", o.computedOverall());
        m.put("publishedOverall", o.publishedOverall());
        m.put("overallSource", o.overallSource());
        m.put("level", o.level());
        m.put("levelCode", o.levelCode());
        m.put("levelSource", o.levelSource());
        m.put("computedLevel", o.computedLevel());
        m.put("computedLevelCode", o.computedLevelCode());
        m.put("computedLevelReason", map(o.computedLevelReason()));
        m.put("computedLevelMissing", o.computedLevelMissing());
        m.put("publishedLevel", o.publishedLevel());
        m.put("figureSources", new LinkedHashMap<>(o.figureSources()));
        m.put("provisional", o.provisional());
        m.put("provisionalEntries", o.provisionalEntries().stream().map(ScoreResultWriter::map).toList());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (ScoreOutput.Warning w : o.warnings()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("code", w.code());
            wm.put("th", w.th());
            wm.put("en", w.en());
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (ScoreOutput.Check c : o.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("key", c.key());
            cm.put("given", c.given());
            cm.put("recomputed", c.recomputed());
            cm.put("difference", c.difference());
            cm.put("differs", c.differs());
            cm.put("rule", map(c.rule()));
            checks.add(cm);
        }
        m.put("checks", checks);
        return m;
    }

    private static Map<String, String> map(ScoreOutput.Text t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("th", t.th());
        m.put("en", t.en());
        return m;
    }

    /** "official" for a figure given as announced, "computed" for one recomputed, null when unknown. */
    private static String source(ScoreResult r, String key, Double value) {
        return value == null ? null : r.isOfficial(key) ? "official" : "computed";
    }

    public static String json(ScoreResult r) {
        return JSON.writeValueAsString(output(r));
    }

    private static ScoreOutput.Text text(LocalizedText t) {
        return new ScoreOutput.Text(t.th(), t.en());
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
            String key = Integer.toString(ind.number());
            sb.append(pad(label, 52)).append(fmt(r.indicators().get(ind.number()))).append(mark(r, key, r.indicators().get(ind.number()))).append('\n');
        }
        sb.append('\n').append(pad("เครื่องมือ / Tool", 52)).append('\n');
        r.tools().forEach((k, v) -> {
            boolean known = def.scoreKeys().contains(k);
            if (known) {
                LocalizedText n = ScoringEngine.scoreName(def, k);
                sb.append(pad(n.th().equals(k) ? k : n.th() + " [" + k + "]", 52)).append(fmt(v)).append(mark(r, k, v)).append('\n');
            }
        });
        String official = " (ประกาศโดยสำนักงาน ป.ป.ช.) / (announced by the NACC)";
        String computed = " (คำนวณ) / (computed)";
        sb.append('\n').append(pad("คะแนนรวม / Overall" + (r.overallOfficial() ? official : computed), 52))
                .append(fmt(r.overall())).append('\n');
        LocalizedText level = r.resultLevelName();
        if (level != null) {
            sb.append("ระดับ / Level: ").append(level.th()).append(" (").append(level.en()).append(')')
                    .append(r.levelSource() == LevelSource.OFFICIAL ? official : computed).append('\n');
        } else {
            sb.append("ระดับ / Level: ยังตัดสินไม่ได้ (undetermined)\n");
        }
        if (r.overallOfficial() && r.computedOverall() != null) {
            sb.append(pad("ตรวจทาน: คะแนนรวมที่คำนวณใหม่ / Check: recomputed overall", 52)).append(fmt(r.computedOverall())).append('\n');
        }
        if (r.levelSource() == LevelSource.OFFICIAL) {
            sb.append("ตรวจทาน: ระดับที่คำนวณใหม่ / Check: recomputed level: ")
                    .append(r.level().isDetermined() ? r.level().level().name().th() + " (" + r.level().level().name().en() + ")"
                            : "ยังตัดสินไม่ได้ (undetermined)").append('\n');
        }
        sb.append("  ").append(r.level().reason().th()).append("\n  ").append(r.level().reason().en()).append('\n');
        if (r.provisional()) {
            sb.append("\nเกณฑ์บางส่วนของปีนี้เป็นข้อมูลเบื้องต้น / Parts of this year's framework are provisional: ")
                    .append(String.join(", ", r.provisionalEntries().stream().map(LocalizedText::en).toList())).append('\n');
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nคำเตือน / Warnings:\n");
            r.warnings().forEach(w -> sb.append(" - ").append(w.message().th()).append("\n   ").append(w.message().en()).append('\n'));
        }
        return sb.toString();
    }

    /** Marks a recomputed figure among announced ones, so the reader knows which figures are the NACC's. */
    private static String mark(ScoreResult r, String key, Double v) {
        return v != null && !r.officialKeys().isEmpty() && !r.isOfficial(key) ? "  (คำนวณ / computed)" : "";
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
