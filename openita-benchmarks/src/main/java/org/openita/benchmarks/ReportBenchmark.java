package org.openita.benchmarks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.Scorer;
import org.openita.core.thai.DigitStyle;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agency's analysis report as DOCX, PDF and HTML (targets: under 200 ms for DOCX and 500 ms for PDF).
 * The agency has three indicators to improve and last year's overall, like the demo agency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true"})
public class ReportBenchmark {

    Analysis analysis;
    ReportOptions options;

    @Setup
    public void setUp() {
        analysis = agency(new Random(7), 0);
        options = new ReportOptions(DigitStyle.THAI, LocalDate.of(2025, 10, 15), null, false);
    }

    static final FrameworkDefinition D2568 = FrameworkLoader.shipped(2568);
    static final FrameworkDefinition D2567 = FrameworkLoader.shipped(2567);
    static final KnowledgeBase KB = KnowledgeBaseLoader.shipped(2568);
    static final Scorer NOW = new Scorer(D2568);
    static final Scorer BEFORE = new Scorer(D2567);

    /** A plausible agency: indicator scores between 70 and 100, last year's overall a few points lower. */
    static Analysis agency(Random rnd, int n) {
        Map<Integer, Double> ind = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            ind.put(i, 70 + rnd.nextInt(3001) / 100.0);
        }
        ScoreResult now = NOW.score(AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(ind));
        ScoreResult before = BEFORE.score(AssessmentInput.empty(FiscalYear.of(2567)).withOverall(Math.max(0, now.overall() - rnd.nextInt(800) / 100.0)));
        AgencyProfile profile = new AgencyProfile("องค์การบริหารส่วนตำบลทดสอบที่ " + n, "เมือง", "ขอนแก่น",
                List.of("สำนักปลัด", "กองคลัง", "กองช่าง"));
        return Analyzer.analyze(D2568, now, before, profile, KB, AnalysisOptions.DEFAULT);
    }

    @Benchmark
    public byte[] docx() {
        return ReportFormat.DOCX.render(analysis, options);
    }

    @Benchmark
    public byte[] pdf() {
        return ReportFormat.PDF.render(analysis, options);
    }

    @Benchmark
    public byte[] html() {
        return ReportFormat.HTML.render(analysis, options);
    }

    /**
     * The national batch: every agency's PDF, on all cores. Run on its own:
     * {@code java -cp openita-benchmarks/target/benchmarks.jar org.openita.benchmarks.ReportBenchmark 8317}.
     */
    public static void main(String[] args) {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 8317;
        ReportOptions options = new ReportOptions(DigitStyle.THAI, LocalDate.of(2025, 10, 15), null, false);
        ReportFormat.PDF.render(agency(new Random(1), 0), options); // load fonts once
        long start = System.nanoTime();
        long bytes = IntStream.range(0, agencies).parallel()
                .mapToLong(i -> ReportFormat.PDF.render(agency(new Random(i), i), options).length).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d PDF reports in %.1f s (%.1f ms each on %d cores), %.0f MB written%n", agencies, seconds,
                seconds * 1000 / agencies, Runtime.getRuntime().availableProcessors(), bytes / 1e6);
    }
}
