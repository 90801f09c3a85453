package org.openita.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs the cases of one stream through one importer and checks each answer: a clear refusal (never a server
 * fault, an escaped exception or an answer that leaks, see {@link Leaks}), nothing stored when refused, and a
 * file that is bad by construction never accepted. Failing cases are kept under target/hostile/failures and
 * listed with the command that makes each again; the figures (cases, time, slowest case, heap) are printed and
 * appended to target/hostile/figures.md.
 */
final class Run {

    /**
     * The most heap a run may hold above what was in use when it began, in MB, measured just after collections: what
     * the inputs made the server keep, not the garbage the collector had not reached yet. (The peak in use with
     * garbage is still printed; it depends on the JVM's maximum heap, and bounding it failed a run that held 233 MB.)
     */
    static final double MAX_LIVE_GROWTH_MB = Double.parseDouble(System.getProperty("openita.hostile.maxLiveMb", "512"));
    /** The most heap still held after a full collection at the end of a run, above the start, in MB. */
    static final double MAX_RETAINED_MB = 128;

    /**
     * What an importer answered.
     *
     * @param kind how it refused (or "accepted"), for the figures
     * @param texts what a person or a client would read: messages, problems, the body of the answer
     * @param fault a reason the answer is wrong in itself (a 5xx, an exception of a kind nobody expects), or null
     */
    record Outcome(String kind, List<String> texts, String fault) {
        boolean accepted() {
            return kind.equals("accepted");
        }

        static Outcome fault(String kind, String why) {
            return new Outcome(kind, List.of(), why);
        }
    }

    interface Importer {
        Outcome run(Case c) throws Exception;
    }

    private final String test;
    private final String stream;
    private final String extension;

    Run(String test, String stream, String extension) {
        this.test = test;
        this.stream = stream;
        this.extension = extension;
    }

    /** What a run found and measured. */
    record Result(String stream, List<String> findings, double liveGrowthMb, double retainedMb) {
    }

    /** Runs {@code count} cases; fails listing every finding. */
    void cases(int count, IntFunction<Case> generator, Importer importer, Supplier<String> state) throws Exception {
        Result result = run(count, generator, importer, state);
        check(List.of(result));
    }

    /** Fails listing the findings of every run, and when a run held too much heap. */
    static void check(List<Result> results) {
        List<String> findings = new ArrayList<>();
        results.forEach(r -> findings.addAll(r.findings()));
        assertThat(findings).as("bad inputs that were not refused cleanly (seed %d)%n%s", Hostile.SEED,
                String.join(System.lineSeparator(), findings.subList(0, Math.min(findings.size(), 30)))).isEmpty();
        for (Result r : results) {
            assertThat(r.liveGrowthMb()).as("heap held after collections above the start while %s ran, MB", r.stream()).isLessThan(MAX_LIVE_GROWTH_MB);
            assertThat(r.retainedMb()).as("heap still held after %s ran, MB", r.stream()).isLessThan(MAX_RETAINED_MB);
        }
    }

    /** Runs {@code count} cases and says what it found. */
    Result run(int count, IntFunction<Case> generator, Importer importer, Supplier<String> state) throws Exception {
        List<String> findings = new ArrayList<>();
        List<String> acceptedCases = new ArrayList<>();
        TreeMap<String, Integer> kinds = new TreeMap<>();
        int accepted = 0;
        int sure = 0;
        long bytes = 0;
        long slowest = 0;
        String slowestCase = "";
        long start = System.nanoTime();
        HeapSampler heap = new HeapSampler();
        String before = state.get();
        List<Integer> numbers = Hostile.cases(count);
        try {
            for (int i : numbers) {
                Case c = generator.apply(i);
                bytes += c.bytes().length;
                sure += c.mustRefuse() ? 1 : 0;
                long t0 = System.nanoTime();
                Outcome o;
                try {
                    o = importer.run(c);
                } catch (Throwable e) {
                    o = Outcome.fault("escaped", "an exception escaped: " + e.getClass().getName() + ": " + Leaks.unescape(String.valueOf(e.getMessage())));
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > slowest) {
                    slowest = ms;
                    slowestCase = "#" + i + " " + c.shortDescription();
                }
                kinds.merge(o.kind(), 1, Integer::sum);
                String after = state.get();
                List<String> wrong = new ArrayList<>();
                if (o.fault() != null) {
                    wrong.add(o.fault());
                }
                for (String text : o.texts()) {
                    Optional<String> leak = Leaks.check(text, c.plain());
                    leak.ifPresent(l -> wrong.add("the answer " + l));
                    if (leak.isPresent()) {
                        break;
                    }
                }
                if (o.accepted()) {
                    accepted++;
                    if (acceptedCases.size() < 20) {
                        acceptedCases.add("#" + i + " " + c.shortDescription());
                    }
                    if (c.mustRefuse()) {
                        wrong.add("accepted, though the file is bad by construction");
                    }
                } else if (!after.equals(before)) {
                    wrong.add("refused, yet what is stored changed");
                }
                before = after;
                if (!wrong.isEmpty()) {
                    java.nio.file.Path kept = Hostile.keep(stream, i, extension, c.bytes());
                    findings.add(String.format(Locale.ROOT, "%s #%d: %s%n    input: %s%n    kept: %s%n    replay: %s", stream, i,
                            String.join("; ", wrong), c.shortDescription(), kept, Hostile.replay(test, stream, i)));
                    System.out.println("[hostile] FINDING " + findings.get(findings.size() - 1));
                }
            }
        } finally {
            heap.close();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        double retained = heap.afterGcMb() - heap.beforeMb();
        double growth = heap.peakMb() - heap.beforeMb();
        Hostile.figures(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f s | %.1f ms | %d ms | %.1f MB | %.0f MB | %.0f MB | %.1f MB | %d | seed %d |",
                stream, numbers.size(), sure, accepted, kinds, took.toMillis() / 1000.0, took.toMillis() / (double) Math.max(1, numbers.size()),
                slowest, bytes / 1e6, growth, heap.peakLiveMb(), retained, findings.size(), Hostile.SEED));
        System.out.println("[hostile] slowest " + stream + ": " + slowest + " ms, " + slowestCase);
        if (!acceptedCases.isEmpty()) {
            System.out.println("[hostile] accepted " + stream + " (damage that left a file the importer may take): "
                    + String.join(" | ", acceptedCases));
        }
        return new Result(stream, findings, heap.peakLiveMb() - heap.beforeMb(), retained);
    }
}
