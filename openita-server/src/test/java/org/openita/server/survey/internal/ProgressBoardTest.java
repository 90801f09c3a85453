package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

/**
 * The progress list's counts: reused for the configured time and said to be from when they were counted, counted
 * again in the background after it, never shown when older than twice it; each part's shortfall on its own, and the
 * orders built on them.
 */
class ProgressBoardTest {

    private static final FiscalYear Y = FiscalYear.of(2568);

    private static AgencyProgress row(String code, String name, int iit, Integer iitMin, int eit, Integer eitMin) {
        return new AgencyProgress(new AgencyCode(code), name, 10, iit, target(iitMin), eit, target(eitMin));
    }

    private static ResponseTarget target(Integer min) {
        return min == null ? new ResponseTarget(null, false, ResponseTarget.Missing.NO_RULE) : new ResponseTarget(min, false, null);
    }

    @Test
    void countsAreReusedForTheirTimeThenRecountedAndNeverShownWhenTooOld() {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T03:00:00Z"), ZoneOffset.UTC);
        // the second count waits until the test lets it go, so the old counts are seen while it runs
        java.util.concurrent.CountDownLatch recount = new java.util.concurrent.CountDownLatch(1);
        ProgressBoard boards = new ProgressBoard(y -> {
            if (counted.incrementAndGet() == 2) {
                try {
                    recount.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of(row("A1", "ก", counted.get(), 5, 0, 3));
        }, clock, Duration.ofSeconds(30), nanos::get);

        ProgressBoard.Board first = boards.of(Y);
        assertThat(counted).hasValue(1);
        assertThat(first.countedAt()).isEqualTo(clock.instant());
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(boards.of(Y)).isSameAs(first);
        assertThat(counted).hasValue(1);

        // after 30 s the old counts are shown once more while they are counted again (in the background)
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(boards.of(Y)).isSameAs(first);
        assertThat(boards.of(Y)).as("still the old counts while they are counted again").isSameAs(first);
        recount.countDown();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (boards.of(Y) == first && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(boards.of(Y).all().get(0).iit()).isEqualTo(2);
        assertThat(counted).hasValue(2);

        // nobody looked for more than a minute: counted there and then, never older than twice the time
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(boards.of(Y).all().get(0).iit()).isEqualTo(3);
        assertThat(counted).hasValue(3);
    }

    @Test
    void zeroCountsOnEveryRequest() {
        AtomicInteger counted = new AtomicInteger();
        ProgressBoard boards = new ProgressBoard(y -> {
            counted.incrementAndGet();
            return List.of();
        }, Clock.systemUTC(), Duration.ZERO, System::nanoTime);
        boards.of(Y);
        boards.of(Y);
        assertThat(counted).hasValue(2);
        assertThat(boards.countsFor()).isZero();
    }

    @Test
    void eachPartHasItsOwnShortfallAndTheDefaultOrderPutsTheFurthestBelowFirst() {
        AgencyProgress iitFar = row("A1", "ข", 0, 100, 10, 10);     // IIT 100 short: 100 % missing
        AgencyProgress eitHalf = row("A2", "ก", 50, 50, 5, 10);     // EIT 5 short: 50 % missing
        AgencyProgress bothLittle = row("A3", "ค", 90, 100, 9, 10); // 10 % in both
        AgencyProgress met = row("A4", "ง", 100, 100, 10, 10);
        AgencyProgress noMinimum = row("A5", "จ", 0, null, 0, null);
        assertThat(iitFar.iitShortfall()).isEqualTo(100);
        assertThat(iitFar.eitShortfall()).isZero();
        assertThat(iitFar.below()).isTrue();
        assertThat(eitHalf.iitBelow()).isFalse();
        assertThat(eitHalf.eitBelow()).isTrue();
        assertThat(bothLittle.worstGap()).isEqualTo(0.1);
        assertThat(met.below()).isFalse();
        assertThat(noMinimum.below()).isFalse();
        List<AgencyProgress> all = List.of(met, noMinimum, bothLittle, eitHalf, iitFar);

        assertThat(ProgressOrder.SHORTFALL.sort(all)).containsExactly(iitFar, eitHalf, bothLittle, met, noMinimum);
        assertThat(ProgressOrder.IIT_SHORT.sort(all)).containsExactly(iitFar, bothLittle, eitHalf, met, noMinimum);
        assertThat(ProgressOrder.EIT_SHORT.sort(all)).containsExactly(eitHalf, bothLittle, iitFar, met, noMinimum);
        assertThat(ProgressOrder.NAME.sort(all)).containsExactly(eitHalf, iitFar, bothLittle, met, noMinimum);
        assertThat(ProgressOrder.of("iit-short")).isEqualTo(ProgressOrder.IIT_SHORT);
        assertThat(ProgressOrder.of("nonsense")).isEqualTo(ProgressOrder.SHORTFALL);

        ProgressBoard.Board board = ProgressBoard.Board.of(Y, all, Instant.EPOCH);
        assertThat(List.of(board.below(), board.iitBelow(), board.eitBelow())).containsExactly(3L, 2L, 2L);
        assertThat(board.in(ProgressOrder.SHORTFALL)).isSameAs(board.in(ProgressOrder.SHORTFALL));
    }
}
