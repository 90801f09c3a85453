package org.openita.server.measures;

import java.util.List;

/** The outcome of a change to a measure: its id, or the problems with what was sent, or a conflict with someone else's change. */
public record MeasureChange(Long id, List<MeasureProblem> problems, boolean conflict) {

    public static MeasureChange ok(long id) {
        return new MeasureChange(id, List.of(), false);
    }

    public static MeasureChange problems(List<MeasureProblem> problems) {
        return new MeasureChange(null, List.copyOf(problems), false);
    }

    static MeasureChange conflicted() {
        return new MeasureChange(null, List.of(new MeasureProblem("version",
                "มีผู้อื่นแก้ไขมาตรการนี้หลังจากที่คุณเปิดหน้านี้ กรุณาโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง",
                "someone else changed this measure after you opened it; reload the page and make your change again")), true);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
