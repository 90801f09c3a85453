package org.openita.server.oit.internal.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assessor's queue: per agency and running year with submitted items, how many are judged, how many wait to be
 * judged and how many clarifications wait for a decision, counted in one query; the work to do first.
 */
@Component
class ReviewQueue {

    /** The most rows one page lists. */
    static final int SHOWN = 500;

    public record Row(String agency, int year, int submitted, int judged, int clarifications, int confirmed) {
        public int toJudge() {
            return submitted - judged;
        }

        public boolean work() {
            return toJudge() > 0 || clarifications > 0;
        }
    }

    /** Work first (clarifications waiting, then items to judge, most first), then by year (newest) and agency code. */
    static final Comparator<Row> WORK_FIRST = Comparator.comparing((Row r) -> !r.work())
            .thenComparing(Comparator.comparingInt(Row::clarifications).reversed())
            .thenComparing(Comparator.comparingInt(Row::toJudge).reversed())
            .thenComparing(Comparator.comparingInt(Row::year).reversed())
            .thenComparing(Row::agency);

    private final JdbcClient jdbc;

    ReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code years} for the agencies {@code codes} (all agencies when null). */
    List<Row> rows(List<Integer> years, List<String> codes) {
        if (years.isEmpty() || (codes != null && codes.isEmpty())) {
            return List.of();
        }
        String sql = "select s.agency_code, s.fiscal_year, count(*), count(r.item_code), count(*) filter (where r.state = 'CLARIFICATION_FILED'), count(*) filter (where r.state = 'CONFIRMED')"
                + " from oit_submission s left join oit_review r on r.agency_code = s.agency_code and r.fiscal_year = s.fiscal_year"
                + " and r.item_code = s.item_code where s.state = 'SUBMITTED' and s.fiscal_year in (:years)"
                + (codes == null ? "" : " and s.agency_code in (:codes)") + " group by s.agency_code, s.fiscal_year";
        var q = jdbc.sql(sql).param("years", years);
        if (codes != null) {
            q = q.param("codes", codes);
        }
        List<Row> out = new ArrayList<>(q.query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6))).list());
        out.sort(WORK_FIRST);
        return out;
    }

    static Map<String, Integer> totals(List<Row> rows) {
        return Map.of("toJudge", rows.stream().mapToInt(Row::toJudge).sum(),
                "clarifications", rows.stream().mapToInt(Row::clarifications).sum());
    }
}
