package org.openita.core.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a property over inputs drawn from seeded generators, under plain JUnit 5. Every try has its own seed,
 * derived from a fixed base seed and the property's name, so a run is the same every time and on every machine.
 * When a try fails, the failure names the property, the try, its seed and the input, and says how to replay it:
 * {@code -Dopenita.seed=SEED} runs that one input again; {@code -Dopenita.baseSeed=N} draws a different series.
 * See ADR 0015.
 */
public final class SeededProperty {

    /** The base seed every property starts from unless {@code -Dopenita.baseSeed} says otherwise. */
    public static final long BASE_SEED = 0x17A_2569L;

    private SeededProperty() {
    }

    /**
     * Draws {@code tries} inputs with {@code generator}, each from a fresh {@link SplittableRandom} on its own seed,
     * and checks {@code property} on each; the first input that fails stops the check with its seed.
     */
    public static <T> void forAll(String name, int tries, Function<SplittableRandom, T> generator, Consumer<T> property) {
        Long replay = Long.getLong("openita.seed");
        long base = Long.getLong("openita.baseSeed", BASE_SEED);
        SplittableRandom seeds = new SplittableRandom(base ^ name.hashCode());
        int count = replay == null ? tries : 1;
        for (int i = 1; i <= count; i++) {
            long seed = replay == null ? seeds.nextLong() : replay;
            T input = generator.apply(new SplittableRandom(seed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                String message = String.format("property %s failed on try %d of %d%n  seed: %d (replay with -Dopenita.seed=%d)"
                        + "%n  input: %s%n  failure: %s", name, i, count, seed, seed, input, e.getMessage());
                System.err.println(message);
                throw new AssertionError(message, e);
            }
        }
    }

    /** A double in [min, max] with two decimals, or one of {@code edges} about one time in five. */
    public static double twoDecimals(SplittableRandom rnd, double min, double max, double... edges) {
        if (edges.length > 0 && rnd.nextInt(5) == 0) {
            return edges[rnd.nextInt(edges.length)];
        }
        return Math.round(rnd.nextDouble(min, Math.nextUp(max)) * 100) / 100.0;
    }
}
