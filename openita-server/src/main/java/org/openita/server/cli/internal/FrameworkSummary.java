package org.openita.server.cli.internal;

import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Gate;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.framework.ResponseMinimums;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;
import org.openita.core.framework.ToolPart;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/** A readable plain-text summary of a framework definition. */
final class FrameworkSummary {

    private FrameworkSummary() {
    }

    static String of(FrameworkDefinition d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.title().th()).append('\n').append(d.title().en()).append('\n');
        sb.append("version ").append(d.version()).append(", ").append(ThaiFormat.date(d.year().firstDay(), DigitStyle.ARABIC))
                .append(" – ").append(ThaiFormat.date(d.year().lastDay(), DigitStyle.ARABIC)).append('\n');
        sb.append("\nเครื่องมือ / Tools\n");
        for (Tool t : d.tools()) {
            sb.append(String.format("  %-4s weight %s  %s%s%n", t.code(), pct(t.weight()), t.name().th(), mark(t.provenance().isProvisional())));
            for (ToolPart p : t.parts()) {
                sb.append("       part ").append(p.code()).append(": ").append(p.name().th()).append('\n');
            }
            if (t.hasParts()) {
                sb.append("       parts combine: ").append(t.partCombination().name().toLowerCase().replace('_', ' ')).append('\n');
            }
        }
        sb.append("\nตัวชี้วัด / Indicators\n");
        for (Indicator i : d.indicators()) {
            long n = i.tool() == ToolCode.OIT ? d.oitItemsOf(i.number()).size() : d.questionsOf(i.number()).size();
            String what = i.tool() == ToolCode.OIT ? "OIT items" : "questions";
            sb.append(String.format("  %2d %-4s weight in tool %s  %s (%s), %d %s%n", i.number(), i.tool(), pct(i.weight()),
                    i.name().th(), i.name().en(), n, what));
        }
        sb.append("\nข้อคำถาม / Questions\n");
        for (Question q : d.questions()) {
            sb.append(String.format("  %-4s ind %2d  %-13s %s%s%s%n", q.code(), q.indicator(), q.scale(),
                    q.direction().name().equals("NEGATIVE") ? "(reversed) " : "", q.summary().th(), mark(q.provenance().isProvisional())));
        }
        sb.append("\nข้อ OIT / OIT items").append(d.oitItemListComplete() ? "" : " (รายการยังไม่ครบ / list incomplete)").append('\n');
        for (OitItem o : d.oitItems()) {
            sb.append(String.format("  %-4s %-5s %-26s %s (%d component(s))%s%n", o.code(), o.subIndicator(),
                    o.period().name().toLowerCase().replace('_', '-'), o.title().th(), o.components().size(), mark(o.provenance().isProvisional())));
        }
        sb.append("\nระดับผลการประเมิน / Levels (target ").append(ThaiFormat.number(d.levelScheme().target(), DigitStyle.ARABIC)).append(')')
                .append(mark(d.levelScheme().provenance().isProvisional())).append('\n');
        for (LevelRule r : d.levelScheme().rules()) {
            sb.append("  ").append(r.name().th()).append(" (").append(r.name().en()).append("): ").append(r.meaning().en());
            for (Gate g : r.gates()) {
                sb.append(" [each of ").append(String.join(", ", g.scores())).append(" >= ").append(ThaiFormat.number(g.atLeast(), DigitStyle.ARABIC)).append(']');
            }
            sb.append('\n');
        }
        minimums(sb, d.responseMinimums());
        if (d.isProvisional()) {
            sb.append("\n* ข้อมูลเบื้องต้น ยังไม่ยืนยันจากคู่มือทางการ / provisional, not confirmed by the official manual: ")
                    .append(String.join(", ", d.provisionalEntries().stream().map(e -> e.en()).toList())).append('\n');
        }
        return sb.toString();
    }

    private static void minimums(StringBuilder sb, ResponseMinimums m) {
        sb.append("\nจำนวนผู้ตอบขั้นต่ำ / Response minimums\n");
        if (m.iit().isEmpty() && m.eitPublic().isEmpty() && m.eitSurvey().isEmpty()) {
            sb.append("  (ไม่ได้กำหนด / none in this definition)\n");
        }
        m.iit().ifPresent(r -> sb.append("  IIT by eligible staff: ").append(r.describe()).append(mark(r.provisional())).append('\n'));
        m.eitPublic().ifPresent(r -> groups(sb, "  EIT part 1 by agency group, otherwise ", r));
        m.eitSurvey().ifPresent(r -> groups(sb, "  EIT part 2 by agency group, otherwise ", r));
    }

    private static void groups(StringBuilder sb, String title, ResponseMinimums.GroupRule r) {
        sb.append(title).append(r.defaultMinimum()).append(mark(r.provisional())).append('\n');
        for (ResponseMinimums.GroupRow g : r.rows()) {
            sb.append(String.format("       %-27s %5d%s%n", g.group(), g.minimum(), mark(g.provisional())));
        }
    }

    private static String pct(double w) {
        return String.format("%5.1f%%", w * 100);
    }

    private static String mark(boolean provisional) {
        return provisional ? " *" : "";
    }
}
