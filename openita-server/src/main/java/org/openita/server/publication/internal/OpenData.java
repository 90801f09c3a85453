package org.openita.server.publication.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.interchange.ScoreResultWriter;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.OfficialResults;
import org.openita.server.web.CsvOut;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results of every agency for a year, as CSV or JSON, written row by row while the results module streams the
 * stored inputs through a cursor, so a national year is never held in memory whole (the registry, a few MB for
 * every agency, is). Figures are the
 * published ones where imported, recomputed otherwise, rounded half-up to two decimals.
 */
@Service
public class OpenData {

    /** Headers that differ from the tool or part code they carry. */
    private static final Map<String, String> LABELS = Map.of("EIT_PUBLIC", "EIT ส่วนที่ 1", "EIT_SURVEY", "EIT ส่วนที่ 2");
    /** Fields of openita score's output left out of open data (see docs/schemas/score-output.schema.json for them). */
    static final List<String> SLIM = List.of("computedLevelReason", "computedLevelMissing", "provisionalEntries", "warnings", "checks");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final org.openita.server.results.ComputedResults computed;

    OpenData(OfficialResults results, AgencyRegistry agencies, org.openita.server.results.ComputedResults computed) {
        this.results = results;
        this.computed = computed;
        this.agencies = agencies;
    }

    /** basis: what a result OpenITA computed from the agency's survey answers was computed from; null for an official one. */
    private record Row(String code, String name, String type, String province, String district, ScoreResult score,
                       org.openita.server.results.ResultBasis basis) {
    }

    /** Each agency's row of a year: the results streamed in code order, each with its registry entry. */
    private void each(int year, Consumer<Row> sink) {
        Function<String, AgencyResult> scorer = fiscalYear(year).flatMap(results::scorer).orElse(null);
        if (scorer == null) {
            return;
        }
        Map<String, Agency> registry = new java.util.HashMap<>();
        agencies.all().forEach(a -> registry.put(a.code().value(), a));
        Map<org.openita.server.agency.AgencyCode, org.openita.server.results.ResultBasis> bases = computed.bases(
                org.openita.core.framework.FiscalYear.of(year));
        results.forEachInYear(org.openita.core.framework.FiscalYear.of(year), (code, input) -> {
            Agency a = registry.get(code.value());
            if (a != null) {
                sink.accept(new Row(a.code().value(), a.nameTh(), a.type() == null ? "" : a.type().thai(), a.province(), a.district(),
                        scorer.apply(input).score(), bases.get(code)));
            }
        });
    }

    /** The year as a fiscal year, or empty when it cannot be one (then there is nothing to write). */
    private static java.util.Optional<org.openita.core.framework.FiscalYear> fiscalYear(int year) {
        return year < 2500 || year > 2700 ? java.util.Optional.empty() : java.util.Optional.of(org.openita.core.framework.FiscalYear.of(year));
    }

    /** The tool and part codes of a year, in the definition's order. */
    static List<String> toolKeys(FrameworkDefinition def) {
        List<String> keys = new ArrayList<>();
        def.tools().forEach(t -> {
            keys.add(t.code().name());
            t.parts().forEach(p -> keys.add(p.code()));
        });
        return keys;
    }

    static List<Integer> indicatorNumbers(FrameworkDefinition def) {
        return def.indicators().stream().map(org.openita.core.framework.Indicator::number).sorted().toList();
    }

    /** The CSV columns of a year: who, the overall and level, then the year's tools, parts and indicators. */
    public static List<String> csvHeader(FrameworkDefinition def) {
        List<String> h = new ArrayList<>(List.of("รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภทหน่วยงาน", "จังหวัด", "อำเภอ", "ปีงบประมาณ",
                "คะแนนรวม", "คะแนนรวมที่คำนวณตามเกณฑ์", "ระดับผลการประเมิน"));
        toolKeys(def).forEach(k -> h.add(LABELS.getOrDefault(k, k)));
        indicatorNumbers(def).forEach(i -> h.add("ตัวชี้วัดที่ " + i));
        h.add("ที่มาของระดับ"); // last, so the earlier columns keep their places for existing readers
        h.add("ที่มาของผล");
        return h;
    }

    /** Writes the CSV (through {@link CsvOut}: UTF-8 with BOM, would-be formulas made text); returns the number of agencies written. */
    public int csv(int year, OutputStream out) throws IOException {
        CsvOut csv = CsvOut.to(out);
        FrameworkDefinition def = fiscalYear(year).flatMap(results::framework).orElse(null);
        if (def == null) {
            csv.flush();
            return 0;
        }
        List<String> keys = toolKeys(def);
        List<Integer> indicators = indicatorNumbers(def);
        csv.row(csvHeader(def));
        int[] n = {0};
        each(year, r -> {
            List<String> cells = new ArrayList<>(List.of(r.code(), r.name(), r.type(), nz(r.province()), nz(r.district()), Integer.toString(year),
                    fmt(r.score().overall()), fmt(r.score().computedOverall()),
                    level(r.score())));
            keys.forEach(k -> cells.add(fmt(r.score().tools().get(k))));
            indicators.forEach(i -> cells.add(fmt(r.score().indicators().get(i))));
            cells.add(levelSource(r.score()));
            cells.add(r.basis() == null ? "ผลอย่างเป็นทางการที่นำเข้า" : r.basis().label(false));
            try {
                csv.row(cells);
                if (++n[0] % 500 == 0) {
                    csv.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
        return n[0];
    }

    /**
     * Writes a JSON array, one object per agency in the fields of openita score without the explanatory text
     * (level reason, provisional entries, warnings, checks); returns the number written.
     */
    public int json(int year, OutputStream out) throws IOException {
        int[] n = {0};
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            each(year, r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agencyCode", r.code());
                m.put("agencyType", r.type());
                m.put("province", r.province());
                m.put("district", r.district());
                Map<String, Object> scored = ScoreResultWriter.toMap(r.score());
                scored.put("agency", r.name());
                // the figures only: the explanations repeat the same framework text for every agency
                SLIM.forEach(scored::remove);
                m.putAll(scored);
                m.put("source", r.basis() == null ? Map.of("kind", "official")
                        : Map.of("kind", "computed", "responses", r.basis().total(), "responsesByPart", r.basis().responsesByPart()));
                JSON.writeValue(g, m);
                if (++n[0] % 500 == 0) {
                    g.flush();
                }
            });
            g.writeEndArray();
        }
        return n[0];
    }

    /** The level that stands: the announced one (in the year's wording when it names a rule), else the computed one. */
    private static String level(ScoreResult s) {
        return s.resultLevelName() == null ? "" : s.resultLevelName().th();
    }

    private static String levelSource(ScoreResult s) {
        return switch (s.levelSource()) {
            case OFFICIAL -> "ประกาศโดยสำนักงาน ป.ป.ช.";
            case COMPUTED -> "คำนวณตามเกณฑ์";
            case NONE -> "";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fmt(Double v) {
        return v == null ? "" : Rounding.display(v).toPlainString();
    }
}
