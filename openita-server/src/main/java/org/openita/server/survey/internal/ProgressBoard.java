package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.openita.core.framework.FiscalYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every agency's progress in a year, counted at most every {@link ProgressProperties#countsFor()} and kept with the
 * moment it was counted, so that the list says how fresh it is. Counting a national year (8,317 agencies, 1.35 million
 * responses) reads the whole index of responses: done once for everyone who looks within that time, and then again in
 * the background while the previous counts are shown. Each order of the list is sorted once per count.
 */
@Component
class ProgressBoard {

    /** One count of a year, with its totals and its orders (each made on first use). */
    record Board(FiscalYear year, List<AgencyProgress> all, Instant countedAt, long below, long iitBelow, long eitBelow,
                 long iitTotal, long eitTotal, boolean provisional, Map<ProgressOrder, List<AgencyProgress>> orders,
                 boolean hasSurvey, long surveyBelow, long surveyTotal) {

        static Board of(FiscalYear year, List<AgencyProgress> all, Instant countedAt) {
            return new Board(year, List.copyOf(all), countedAt, all.stream().filter(AgencyProgress::below).count(),
                    all.stream().filter(AgencyProgress::iitBelow).count(), all.stream().filter(AgencyProgress::eitBelow).count(),
                    all.stream().mapToLong(AgencyProgress::iit).sum(), all.stream().mapToLong(AgencyProgress::eitPublic).sum(),
                    all.stream().anyMatch(r -> r.iitTarget().provisional() || r.eitTarget().provisional() || r.surveyTarget().provisional()),
                    new ConcurrentHashMap<>(), all.stream().anyMatch(AgencyProgress::hasSurvey),
                    all.stream().filter(AgencyProgress::surveyBelow).count(), all.stream().mapToLong(AgencyProgress::eitSurvey).sum());
        }

        List<AgencyProgress> in(ProgressOrder order) {
            return orders.computeIfAbsent(order, o -> o.sort(all));
        }
    }

    private final Function<FiscalYear, List<AgencyProgress>> count;
    private final Clock clock;
    private final Duration countsFor;
    private final LoadingCache<FiscalYear, Board> boards;

    @Autowired
    ProgressBoard(SurveyProgress progress, Clock clock, ProgressProperties properties) {
        this(progress::all, clock, properties.countsFor(), Ticker.systemTicker());
    }

    ProgressBoard(Function<FiscalYear, List<AgencyProgress>> count, Clock clock, Duration countsFor, Ticker ticker) {
        this.count = count;
        this.clock = clock;
        this.countsFor = countsFor;
        this.boards = countsFor.isZero() ? null : Caffeine.newBuilder().ticker(ticker).refreshAfterWrite(countsFor)
                .expireAfterWrite(countsFor.multipliedBy(2)).maximumSize(4).build(this::board);
    }

    /** The year's latest count (counted now when there is none younger than twice the reuse time). */
    Board of(FiscalYear year) {
        return boards == null ? board(year) : boards.get(year);
    }

    /** How long counts are reused: zero when every request counts afresh. */
    Duration countsFor() {
        return countsFor;
    }

    private Board board(FiscalYear year) {
        Instant at = clock.instant();
        return Board.of(year, count.apply(year), at);
    }
}
