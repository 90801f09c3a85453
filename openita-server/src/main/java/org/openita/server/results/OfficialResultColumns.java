package org.openita.server.results;

import java.util.ArrayList;
import java.util.List;

/** The columns of the official-results template (Thai headers), and where each goes in the score input. */
final class OfficialResultColumns {

    static final String CODE = "รหัสหน่วยงาน";
    static final String YEAR = "ปีงบประมาณ";
    static final String OVERALL = "คะแนนรวม";
    static final String LEVEL = "ระดับผลการประเมิน";
    static final List<String[]> TOOLS = List.of(new String[] {"IIT", "IIT"}, new String[] {"EIT", "EIT"},
            new String[] {"EIT ส่วนที่ 1", "EIT_PUBLIC"}, new String[] {"EIT ส่วนที่ 2", "EIT_SURVEY"}, new String[] {"OIT", "OIT"});

    private OfficialResultColumns() {
    }

    static String indicator(int n) {
        return "ตัวชี้วัดที่ " + n;
    }

    static List<String> headers() {
        List<String> h = new ArrayList<>(List.of(CODE, YEAR, OVERALL, LEVEL));
        TOOLS.forEach(t -> h.add(t[0]));
        for (int i = 1; i <= 10; i++) {
            h.add(indicator(i));
        }
        return h;
    }
}
