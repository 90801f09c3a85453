package org.openita.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The settings of the bad-input suite, read from system properties so that the same tests are the small run in
 * every build and the large run of the harness:
 * <ul>
 * <li>{@code openita.hostile.seed}: the seed every generator starts from (default {@value #DEFAULT_SEED});</li>
 * <li>{@code openita.hostile.count}: bad files per importer and format (default {@value #DEFAULT_COUNT});</li>
 * <li>{@code openita.hostile.endpointCount}: bad requests per endpoint (default {@value #DEFAULT_ENDPOINT_COUNT});</li>
 * <li>{@code openita.hostile.case}: run only this case number of each stream (or these, separated by commas), to replay
 * failures.</li>
 * </ul>
 * Each case has a generator of its own, seeded from the seed, the stream's name and the case number, so one case
 * can be made again without making the others.
 */
final class Hostile {

    static final long DEFAULT_SEED = 20_261_124L;
    static final int DEFAULT_COUNT = 200;
    static final int DEFAULT_ENDPOINT_COUNT = 30;

    static final long SEED = Long.getLong("openita.hostile.seed", DEFAULT_SEED);
    static final int COUNT = Integer.getInteger("openita.hostile.count", DEFAULT_COUNT);
    static final int ENDPOINT_COUNT = Integer.getInteger("openita.hostile.endpointCount", DEFAULT_ENDPOINT_COUNT);
    /** The case numbers to replay, or empty for all. */
    static final List<Integer> ONLY = java.util.Arrays.stream(System.getProperty("openita.hostile.case", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    /** Where failing inputs and the measured figures are written. */
    static final Path OUT = Path.of(System.getProperty("openita.hostile.out", "target/hostile"));

    private Hostile() {
    }

    /** The generator of one case. */
    static SplittableRandom random(String stream, int index) {
        long s = SEED * 0x9E3779B97F4A7C15L + ((long) stream.hashCode() << 32) + index * 0xBF58476D1CE4E5B9L;
        return new SplittableRandom(s);
    }

    /** The case numbers to run: all of them, or those being replayed. */
    static List<Integer> cases(int count) {
        List<Integer> out = new ArrayList<>();
        if (!ONLY.isEmpty()) {
            return ONLY;
        }
        for (int i = 0; i < count; i++) {
            out.add(i);
        }
        return out;
    }

    /** How to make one case of a stream again. */
    static String replay(String test, String stream, int index) {
        return String.format(Locale.ROOT, "./mvnw -o -pl openita-server verify -Dtest='%s' -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dopenita.hostile.seed=%d -Dopenita.hostile.case=%d   (stream %s)", test, SEED, index, stream);
    }

    /** Keeps a failing input under target/hostile/failures so it can be opened and turned into a regression test. */
    static Path keep(String stream, int index, String extension, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(OUT.resolve("failures"));
            Path file = dir.resolve(stream + "-" + SEED + "-" + index + "." + extension);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a line of measured figures to target/hostile/figures.md and prints it. */
    static void figures(String line) {
        System.out.println("[hostile] " + line);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("figures.md"), line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
