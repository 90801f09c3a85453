package org.openita.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.Scorer;
import org.openita.core.scoring.Tally;
import org.openita.core.framework.SubItem;
import org.openita.core.framework.ToolPart;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.ToolCode;
import org.openita.core.framework.Tool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scores every agency of a national cycle from answer tallies and OIT component verdicts: 8,317
 * agencies (the 2568 count), each with tallies for every IIT and EIT question (EIT split into its two
 * parts) and a verdict for every component of every OIT item. Target: under 1 second on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class NationalScoringBenchmark {

    @Param({"8317"})
    int agencies;

    @Param({"2568", "2565"})
    int year;

    FrameworkDefinition framework;
    Scorer scorer;
    List<AssessmentInput> inputs;

    @Setup
    public void setUp() {
        framework = FrameworkLoader.shipped(year);
        scorer = new Scorer(framework);
        Random rnd = new Random(42);
        inputs = new ArrayList<>(agencies);
        for (int a = 0; a < agencies; a++) {
            inputs.add(randomAgency(rnd));
        }
    }

    private AssessmentInput randomAgency(Random rnd) {
        Map<String, QuestionEvidence> questions = new HashMap<>();
        List<String> parts = framework.tool(ToolCode.EIT).map(Tool::parts).orElse(List.of()).stream().map(ToolPart::code).toList();
        for (Question q : framework.questions()) {
            AnswerScale scale = framework.scale(q.scale()).orElseThrow();
            List<String> subs = q.subItems().isEmpty() ? List.of(QuestionEvidence.WHOLE) : q.subItems().stream().map(SubItem::code).toList();
            List<String> keys = q.tool() == ToolCode.EIT && !parts.isEmpty() ? parts : List.of(QuestionEvidence.WHOLE);
            Map<String, Map<String, Tally>> byPart = new HashMap<>();
            for (String part : keys) {
                Map<String, Tally> bySub = new HashMap<>();
                for (String sub : subs) {
                    Map<String, Long> counts = new HashMap<>();
                    scale.options().forEach(o -> counts.put(o.code(), (long) rnd.nextInt(40)));
                    bySub.put(sub, Tally.of(counts));
                }
                byPart.put(part, bySub);
            }
            questions.put(q.code(), new QuestionEvidence.Tallies(byPart));
        }
        Map<String, OitEvidence> oit = new HashMap<>();
        for (OitItem item : framework.oitItems()) {
            Map<String, Boolean> verdicts = new HashMap<>();
            for (OitComponent c : item.components()) {
                verdicts.put(c.code(), rnd.nextInt(10) > 0);
            }
            oit.put(item.code(), new OitEvidence.Verdicts(verdicts));
        }
        return AssessmentInput.empty(FiscalYear.of(year)).withQuestions(questions).withOit(oit);
    }

    @Benchmark
    public void allAgenciesOneThread(Blackhole bh) {
        for (AssessmentInput in : inputs) {
            bh.consume(scorer.score(in));
        }
    }

    @Benchmark
    public List<ScoreResult> allAgenciesParallel() {
        return inputs.parallelStream().map(scorer::score).toList();
    }
}
