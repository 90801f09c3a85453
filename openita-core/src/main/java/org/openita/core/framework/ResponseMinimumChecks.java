package org.openita.core.framework;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of the {@code responseMinimums} section: the IIT table covers every headcount once (rows going up, the
 * last one open), every figure is a positive whole number, the EIT part-1 and part-2 rows name known agency groups
 * once, and a part-2 rule belongs to a definition whose EIT has a part 2.
 */
final class ResponseMinimumChecks {

    private ResponseMinimumChecks() {
    }

    static void run(DefinitionReader d) {
        if (d.iitMinimumsNode != null) {
            iit(d.iitMinimumsNode, d.iitMinimumRows);
        }
        if (d.eitPublicMinimumsNode != null) {
            groups(d.eitPublicMinimumsNode, d.eitPublicDefault, d.eitPublicMinimumRows);
        }
        if (d.eitSurveyMinimumsNode != null) {
            groups(d.eitSurveyMinimumsNode, d.eitSurveyDefault, d.eitSurveyMinimumRows);
            boolean hasPartTwo = d.tools.stream().map(Located::value)
                    .anyMatch(t -> t.code() == ToolCode.EIT && t.parts().stream().anyMatch(p -> p.code().equals(EIT_SURVEY)));
            if (!hasPartTwo) {
                d.eitSurveyMinimumsNode.problem("มีจำนวนขั้นต่ำของ EIT ส่วนที่ 2 แต่เครื่องมือ EIT ของนิยามนี้ไม่มีส่วน " + EIT_SURVEY
                                + " (ใน parts:) จึงไม่มีคำตอบใดนับตามเกณฑ์นี้ ให้เพิ่มส่วนนั้นหรือลบ eitSurvey",
                        "there is an EIT part-2 minimum but this definition's EIT tool has no " + EIT_SURVEY
                                + " part (under parts:), so no response would ever count against it; add the part or remove eitSurvey");
            }
        }
    }

    /** The code of EIT part 2 among the EIT tool's parts. */
    static final String EIT_SURVEY = "EIT_SURVEY";

    private static void iit(YamlNode rule, List<Located<ResponseMinimums.HeadcountRow>> rows) {
        if (rows.isEmpty()) {
            if (!rule.get("rows").isMissing()) {
                rule.get("rows").problem("ตารางจำนวนขั้นต่ำของ IIT ต้องมีอย่างน้อย 1 แถว", "the IIT minimum table needs at least one row");
            }
            return;
        }
        Integer previous = null;
        boolean open = false;
        for (int i = 0; i < rows.size(); i++) {
            ResponseMinimums.HeadcountRow r = rows.get(i).value();
            YamlNode n = rows.get(i).node();
            if (open) {
                n.problem("แถวนี้อยู่หลังแถวสุดท้ายที่ไม่มี upTo จึงไม่มีวันถูกใช้",
                        "this row comes after the open row (the one without upTo), so it is never used");
            }
            if (r.upTo() == null) {
                open = true;
            } else if (r.upTo() < 1) {
                n.get("upTo").problem("upTo ต้องเป็นจำนวนเต็มบวก แต่พบ " + r.upTo(), "upTo must be a positive whole number, found " + r.upTo());
            } else if (previous != null && r.upTo() <= previous) {
                n.get("upTo").problem("แถวต้องเรียงจากจำนวนบุคลากรน้อยไปมาก: upTo " + r.upTo() + " ไม่มากกว่าแถวก่อนหน้า (" + previous
                        + ") ช่วงจึงซ้อนกัน", "rows must go up: upTo " + r.upTo() + " is not above the previous row's " + previous
                        + ", so the ranges overlap");
            }
            if (r.minimum() != null && r.minimum() < 1) {
                n.get("minimum").problem("minimum ต้องเป็นจำนวนเต็มบวก แต่พบ " + r.minimum(), "minimum must be a positive whole number, found " + r.minimum());
            }
            if (r.minimum() != null && r.upTo() != null && r.upTo() >= 1 && r.minimum() > r.upTo()) {
                n.get("minimum").problem("minimum " + r.minimum() + " มากกว่าจำนวนบุคลากรสูงสุดของแถว (" + r.upTo() + ") ถ้าต้องการให้ทุกคนตอบ ให้เขียน all: true",
                        "minimum " + r.minimum() + " is above the row's largest headcount " + r.upTo() + "; write all: true if everyone must answer");
            }
            if (r.percent() != null && (r.percent() < 1 || r.percent() > 100)) {
                n.get("percent").problem("percent ต้องอยู่ระหว่าง 1 ถึง 100 แต่พบ " + r.percent(), "percent must be from 1 to 100, found " + r.percent());
            }
            if (r.upTo() != null && r.upTo() >= 1) {
                previous = previous == null ? r.upTo() : Math.max(previous, r.upTo());
            }
        }
        if (!open) {
            rows.get(rows.size() - 1).node().problem("แถวสุดท้ายต้องไม่มี upTo เพื่อให้ครอบคลุมหน่วยงานที่มีบุคลากรมากกว่า " + previous + " คน",
                    "the last row must leave out upTo so that agencies with more than " + previous + " staff are covered");
        }
    }

    private static void groups(YamlNode rule, Integer fallback, List<Located<ResponseMinimums.GroupRow>> rows) {
        if (fallback != null && fallback < 1) {
            rule.get("default").problem("default ต้องเป็นจำนวนเต็มบวก แต่พบ " + fallback, "default must be a positive whole number, found " + fallback);
        }
        Set<String> groups = new HashSet<>();
        for (Located<ResponseMinimums.GroupRow> l : rows) {
            ResponseMinimums.GroupRow r = l.value();
            YamlNode n = l.node();
            if (!ResponseMinimums.AGENCY_TYPES.contains(r.agencyType())) {
                n.get("agencyType").problem("ไม่รู้จักประเภทหน่วยงาน \"" + r.agencyType() + "\" (ใช้ได้: " + String.join(", ", ResponseMinimums.AGENCY_TYPES) + ")",
                        "unknown agency type \"" + r.agencyType() + "\" (known: " + String.join(", ", ResponseMinimums.AGENCY_TYPES) + ")");
            }
            if (r.size() != null && !ResponseMinimums.SIZES.contains(r.size())) {
                n.get("size").problem("ขนาดต้องเป็น S, M หรือ L แต่พบ \"" + r.size() + "\"", "size must be S, M or L, found \"" + r.size() + "\"");
            }
            if (r.minimum() < 1) {
                n.get("minimum").problem("minimum ต้องเป็นจำนวนเต็มบวก แต่พบ " + r.minimum(), "minimum must be a positive whole number, found " + r.minimum());
            }
            if (!groups.add(r.group())) {
                n.problem("กลุ่มหน่วยงาน " + r.group() + " ซ้ำกับแถวก่อนหน้า", "duplicate agency group " + r.group());
            }
        }
    }
}
