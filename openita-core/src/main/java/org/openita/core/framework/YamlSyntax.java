package org.openita.core.framework;

import java.util.Locale;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Says what a YAML syntax error means, in Thai and English, with the line and column of SnakeYAML's mark, instead of
 * the parser's own English. The parser's words stay in the English text, in brackets, for whoever knows YAML.
 */
final class YamlSyntax {

    private YamlSyntax() {
    }

    /** The problem's line (1-based), or 0 when the parser gave no mark. */
    static int line(MarkedYamlEngineException e) {
        return e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
    }

    static String[] explain(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String[] meaning = meaning(problem.toLowerCase(Locale.ROOT));
        String th = "ไฟล์ YAML ผิดรูปแบบ";
        String en = "not valid YAML";
        if (e.getProblemMark().isPresent()) {
            Mark m = e.getProblemMark().get();
            th += "ที่บรรทัด " + (m.getLine() + 1) + " คอลัมน์ " + (m.getColumn() + 1);
            en += " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
        }
        String[] context = {"", ""};
        if (e.getContextMark().isPresent()) {
            int l = e.getContextMark().get().getLine() + 1;
            if (e.getProblemMark().map(m -> m.getLine() + 1 != l).orElse(true)) {
                context = new String[] {" (เริ่มจากบรรทัด " + l + ")", " (starting at line " + l + ")"};
            }
        }
        return new String[] {th + ": " + meaning[0] + context[0],
                en + ": " + meaning[1] + context[1] + (problem.isBlank() ? "" : " [parser: " + problem.strip() + "]")};
    }

    private static String[] meaning(String p) {
        if (p.contains("mapping values are not allowed")) {
            return new String[] {"มีเครื่องหมาย : ในที่ที่ใช้ไม่ได้ ค่าที่มีเครื่องหมาย : ต้องอยู่ในเครื่องหมายคำพูด หรือการย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า",
                    "a ':' stands where none may; quote a value that holds ':', or line the indentation up with the line above"};
        }
        if (p.contains("could not find expected ':'")) {
            return new String[] {"ไม่พบเครื่องหมาย : หลังชื่อคีย์", "a key has no ':' after it"};
        }
        if (p.contains("'\\t'") || p.contains("tab")) {
            return new String[] {"มีอักขระแท็บ (Tab) ซึ่ง YAML ไม่ให้ใช้ย่อหน้า ให้ใช้การเว้นวรรคแทน", "a tab character: YAML indents with spaces only"};
        }
        if (p.contains("duplicate key")) {
            return new String[] {"มีคีย์ซ้ำในแมปเดียวกัน", "a key appears twice in the same mapping"};
        }
        if (p.contains("end of stream") || p.contains("end of the stream")) {
            return new String[] {"ไฟล์จบก่อนปิดเครื่องหมายคำพูดหรือวงเล็บ", "the file ends before a quote or bracket is closed"};
        }
        if (p.contains("expected ',' or ']'") || p.contains("expected ',' or '}'")) {
            return new String[] {"รายการในวงเล็บ [ ] หรือ { } ขาดเครื่องหมาย , หรือวงเล็บปิด", "a [ ] or { } list lacks a ',' or its closing bracket"};
        }
        if (p.contains("block end") || p.contains("expected key") || p.contains("block mapping") || p.contains("block sequence")
                || p.contains("indentation")) {
            return new String[] {"การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า (รายการเดียวกันต้องย่อหน้าเท่ากัน)",
                    "the indentation does not line up with the lines above (entries of one list or mapping start in the same column)"};
        }
        return new String[] {"โครงสร้าง YAML ไม่ถูกต้อง ตรวจการย่อหน้า เครื่องหมาย : และ - และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า",
                "the YAML structure is broken here; check the indentation, the ':' and '-' signs and the quotes on this line and the one above"};
    }
}
