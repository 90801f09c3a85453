package org.openita.core.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.Signatory;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.framework.SubItem;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.Tally;
import org.openita.core.thai.ThaiFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the score input document and checks it against the year's framework: every problem is
 * reported with the field it concerns and what was expected. Numbers may be JSON numbers or strings in
 * Arabic or Thai digits.
 */
public final class ScoreInputReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TOP = Set.of("agency", "year", "indicators", "tools", "overall", "level",
            "questions", "oit", "$schema");

    private final List<InputProblem> problems = new ArrayList<>();

    private ScoreInputReader() {
    }

    /** The input, the framework of its year and what the input says about the agency. */
    public record Read(FrameworkDefinition framework, AssessmentInput input, AgencyProfile agency) {
    }

    /**
     * @param frameworks the framework definition of a fiscal year, if one is known
     * @throws InvalidInputException listing every problem
     */
    public static Read read(String json, IntFunction<Optional<FrameworkDefinition>> frameworks) {
        return new ScoreInputReader().parse(json, frameworks);
    }

    private Read parse(String json, IntFunction<Optional<FrameworkDefinition>> frameworks) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            String whereTh = loc == null ? "" : " (บรรทัด " + loc.getLineNr() + " คอลัมน์ " + loc.getColumnNr() + ")";
            throw new InvalidInputException(List.of(new InputProblem("", "ไม่ใช่ JSON ที่ถูกต้อง" + whereTh,
                    "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(List.of(new InputProblem("", "เอกสารต้องเป็นออบเจกต์ JSON { ... }",
                    "the document must be a JSON object { ... }")));
        }
        for (String k : root.propertyNames()) {
            if (!TOP.contains(k)) {
                problem(k, "ไม่รู้จักฟิลด์นี้ (ฟิลด์ที่ใช้ได้: " + String.join(", ", sorted(TOP)) + ")",
                        "unknown field (allowed: " + String.join(", ", sorted(TOP)) + ")");
            }
        }
        Integer year = integer(root.get("year"), "year", true);
        FrameworkDefinition def = null;
        if (year != null) {
            def = frameworks.apply(year).orElse(null);
            if (def == null) {
                problem("year", "ไม่มีเกณฑ์การประเมินของปีงบประมาณ " + year,
                        "no framework definition is known for fiscal year " + year);
            }
        }
        if (def == null) {
            throw new InvalidInputException(problems);
        }
        AgencyProfile profile = agency(root.get("agency"));
        String agency = profile == null ? null : profile.name();
        Map<Integer, Double> indicators = indicators(root.get("indicators"), def);
        Map<String, Double> tools = tools(root.get("tools"), def);
        Double overall = score(root.get("overall"), "overall");
        String level = text(root.get("level"), "level");
        if (level != null && def.levelScheme().find(level).isEmpty()) {
            problem("level", "ไม่มีระดับ \"" + shown(level) + "\" ในเกณฑ์ปี " + year + " (ระดับที่มี: " + levelNames(def) + ")",
                    "\"" + shown(level) + "\" is not a level of " + year + " (levels: " + levelNames(def) + ")");
        }
        Map<String, QuestionEvidence> questions = questions(root.get("questions"), def);
        Map<String, OitEvidence> oit = oit(root.get("oit"), def);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Read(def, new AssessmentInput(FiscalYear.of(year), agency, indicators, tools, overall, level, questions, oit),
                profile == null ? AgencyProfile.named(null) : profile);
    }

    /** The agency as a name, or as {"name", "district", "province", "units": [...], "signOff": [...]}. */
    private AgencyProfile agency(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isString()) {
            return AgencyProfile.named(n.asString());
        }
        if (!isObject(n, "agency")) {
            return null;
        }
        for (String k : n.propertyNames()) {
            if (!Set.of("name", "district", "province", "units", "signOff").contains(k)) {
                problem("agency." + k, "ไม่รู้จักฟิลด์นี้ (ใช้ได้: name, district, province, units, signOff)",
                        "unknown field (allowed: name, district, province, units, signOff)");
            }
        }
        String name = text(n.get("name"), "agency.name");
        if (name == null || name.isBlank()) {
            problem("agency.name", "ต้องระบุชื่อหน่วยงาน", "the agency's name is required");
        }
        List<String> units = new ArrayList<>();
        JsonNode u = n.get("units");
        if (u != null && !u.isNull()) {
            if (!u.isArray()) {
                problem("agency.units", "ต้องเป็นรายการชื่อหน่วยงานภายใน เช่น [\"สำนักปลัด\", \"กองคลัง\"]",
                        "expected a list of unit names, e.g. [\"สำนักปลัด\", \"กองคลัง\"]");
            } else {
                for (int i = 0; i < u.size(); i++) {
                    String unit = text(u.get(i), "agency.units[" + i + "]");
                    if (unit != null) {
                        units.add(unit);
                    }
                }
            }
        }
        return new AgencyProfile(name, text(n.get("district"), "agency.district"), text(n.get("province"), "agency.province"), units,
                signOff(n.get("signOff")));
    }

    /** The longest position or name taken in the sign-off, in characters (as on the agency page). */
    static final int SIGN_OFF_TEXT = 150;

    /** The sign-off block: [{"role": "prepared|reviewed|approved", "name": optional, "position": required}], each role at most once. */
    private List<Signatory> signOff(JsonNode n) {
        List<Signatory> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            problem("agency.signOff", "ต้องเป็นรายการผู้ลงนาม เช่น [{\"role\": \"prepared\", \"position\": \"นักวิเคราะห์นโยบายและแผน\"}]",
                    "expected a list of signatories, e.g. [{\"role\": \"prepared\", \"position\": \"Policy and plan analyst\"}]");
            return out;
        }
        Set<Signatory.Role> seen = new java.util.HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String at = "agency.signOff[" + i + "]";
            JsonNode s = n.get(i);
            if (!isObject(s, at)) {
                if (s == null || s.isNull()) {
                    problem(at, "ต้องเป็นออบเจกต์ { ... }", "expected an object { ... }");
                }
                continue;
            }
            for (String k : s.propertyNames()) {
                if (!Set.of("role", "name", "position").contains(k)) {
                    problem(at + "." + k, "ไม่รู้จักฟิลด์นี้ (ใช้ได้: role, name, position)", "unknown field (allowed: role, name, position)");
                }
            }
            String roleText = text(s.get("role"), at + ".role");
            Signatory.Role role = null;
            if (roleText == null) {
                if (s.get("role") == null || s.get("role").isNull()) {
                    problem(at + ".role", "ต้องระบุบทบาท: prepared (ผู้จัดทำ), reviewed (ผู้ตรวจสอบ) หรือ approved (ผู้อนุมัติ)",
                            "the role is required: prepared, reviewed or approved");
                }
            } else {
                role = switch (roleText.trim()) {
                    case "prepared" -> Signatory.Role.PREPARED;
                    case "reviewed" -> Signatory.Role.REVIEWED;
                    case "approved" -> Signatory.Role.APPROVED;
                    default -> null;
                };
                if (role == null) {
                    problem(at + ".role", "ไม่รู้จักบทบาท \"" + shown(roleText) + "\" (ใช้ได้: prepared, reviewed, approved)",
                            "unknown role \"" + shown(roleText) + "\" (allowed: prepared, reviewed, approved)");
                } else if (!seen.add(role)) {
                    problem(at + ".role", "บทบาท " + roleText.trim() + " ซ้ำ แต่ละบทบาทมีผู้ลงนามได้คนเดียว",
                            "the role " + roleText.trim() + " is given twice; each role has one signatory");
                    role = null;
                }
            }
            JsonNode p = s.get("position");
            String position = signOffText(p, at + ".position");
            if (p == null || p.isNull() || (p.isString() && p.asString().isBlank())) {
                problem(at + ".position", "ต้องระบุตำแหน่งของผู้ลงนาม", "the signatory's position is required");
            }
            String name = signOffText(s.get("name"), at + ".name");
            if (role != null && position != null) {
                out.add(new Signatory(role, name, position));
            }
        }
        return out;
    }

    /** A position or name: one line, not blank, at most {@value #SIGN_OFF_TEXT} characters; null (with a problem when wrong) otherwise. */
    private String signOffText(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null) {
            return null;
        }
        t = t.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.codePoints().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate((char) c))) {
            problem(field, "ต้องเป็นข้อความบรรทัดเดียว ไม่มีอักขระควบคุม", "must be a single line without control characters");
            return null;
        }
        if (t.codePointCount(0, t.length()) > SIGN_OFF_TEXT) {
            problem(field, "ยาวเกิน " + SIGN_OFF_TEXT + " ตัวอักษร", "longer than " + SIGN_OFF_TEXT + " characters");
            return null;
        }
        return t;
    }

    /**
     * A value as a message quotes it: at most {@value #SHOWN} characters, then "…", control characters spelled out
     * as U+XXXX, so that a message neither grows with what was sent nor carries it raw.
     */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = 0;
        while (i < value.length() && n < SHOWN) {
            int cp = value.codePointAt(i);
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || Character.isSurrogate((char) cp)) {
                out.append(String.format(java.util.Locale.ROOT, "U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            n++;
        }
        return i < value.length() ? out.append('…').toString() : out.toString();
    }

    private static final int SHOWN = 40;

    private static List<String> sorted(Set<String> s) {
        return s.stream().filter(k -> !k.startsWith("$")).sorted().toList();
    }

    private static String levelNames(FrameworkDefinition def) {
        return String.join(", ", def.levelScheme().rules().stream().map(r -> r.name().th()).toList());
    }

    private void problem(String field, String th, String en) {
        problems.add(new InputProblem(field, th, en));
    }

    private boolean isObject(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isObject()) {
            problem(field, "ต้องเป็นออบเจกต์ { ... }", "expected an object { ... }");
            return false;
        }
        return true;
    }

    private String text(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            problem(field, "ต้องเป็นข้อความ", "expected a string");
            return null;
        }
        return n.asString();
    }

    private Double number(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isString()) {
            try {
                return Double.parseDouble(ThaiFormat.toArabicDigits(n.asString().trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(field, "ต้องเป็นตัวเลข แต่พบ " + shown(n.toString()), "expected a number, found " + shown(n.toString()));
        return null;
    }

    private Double score(JsonNode n, String field) {
        Double v = number(n, field);
        if (v != null && (v < 0 || v > 100 || v.isNaN())) {
            problem(field, "คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ " + v, "a score must be between 0 and 100, found " + v);
            return null;
        }
        return v;
    }

    private Integer integer(JsonNode n, String field, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                problem(field, "ต้องระบุปีงบประมาณ (พ.ศ.) เช่น 2568", "required: the Buddhist-era fiscal year, e.g. 2568");
            }
            return null;
        }
        Double v = number(n, field);
        if (v == null) {
            return null;
        }
        if (v != Math.rint(v)) {
            problem(field, "ต้องเป็นจำนวนเต็ม", "expected a whole number");
            return null;
        }
        return v.intValue();
    }

    private Map<Integer, Double> indicators(JsonNode n, FrameworkDefinition def) {
        Map<Integer, Double> out = new HashMap<>();
        if (!isObject(n, "indicators")) {
            return out;
        }
        for (String k : n.propertyNames()) {
            String field = "indicators." + k;
            Integer number = null;
            try {
                number = Integer.parseInt(ThaiFormat.toArabicDigits(k));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (number == null || def.indicator(number).isEmpty()) {
                String known = String.join(", ", def.indicators().stream().map(i -> Integer.toString(i.number())).toList());
                problem(field, "ไม่มีตัวชี้วัดนี้ในเกณฑ์ปี " + def.year() + " (ตัวชี้วัดที่มี: " + known + ")",
                        "unknown indicator; the " + def.year() + " framework has indicators " + known);
                continue;
            }
            Double v = score(n.get(k), field);
            if (v != null) {
                out.put(number, v);
            }
        }
        return out;
    }

    private Map<String, Double> tools(JsonNode n, FrameworkDefinition def) {
        Map<String, Double> out = new HashMap<>();
        if (!isObject(n, "tools")) {
            return out;
        }
        List<String> keys = def.scoreKeys();
        for (String k : n.propertyNames()) {
            String field = "tools." + k;
            if (!keys.contains(k)) {
                problem(field, "ปี " + def.year() + " ไม่มีคะแนน \"" + shown(k) + "\" (ที่มี: " + String.join(", ", keys) + ")",
                        "fiscal year " + def.year() + " has no score \"" + shown(k) + "\" (known: " + String.join(", ", keys) + ")");
                continue;
            }
            Double v = score(n.get(k), field);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }

    private Map<String, QuestionEvidence> questions(JsonNode n, FrameworkDefinition def) {
        Map<String, QuestionEvidence> out = new HashMap<>();
        if (!isObject(n, "questions")) {
            return out;
        }
        for (String code : n.propertyNames()) {
            String field = "questions." + code;
            Question q = def.question(code).orElse(null);
            if (q == null) {
                problem(field, "ไม่มีข้อคำถาม \"" + shown(code) + "\" ในเกณฑ์ปี " + def.year(),
                        "no question \"" + shown(code) + "\" in the " + def.year() + " framework");
                continue;
            }
            JsonNode v = n.get(code);
            if (!isObject(v, field)) {
                continue;
            }
            List<String> forms = v.propertyNames().stream().toList();
            if (forms.size() != 1 || !Set.of("score", "tally", "subItems", "parts").contains(forms.get(0))) {
                problem(field, "ต้องมีอย่างใดอย่างหนึ่งเท่านั้น: score, tally, subItems หรือ parts",
                        "expected exactly one of score, tally, subItems or parts");
                continue;
            }
            String form = forms.get(0);
            if (form.equals("score")) {
                Double s = score(v.get("score"), field + ".score");
                if (s != null) {
                    out.put(code, new QuestionEvidence.Score(s));
                }
            } else if (form.equals("parts")) {
                JsonNode parts = v.get("parts");
                if (!isObject(parts, field + ".parts")) {
                    continue;
                }
                Map<String, Map<String, Tally>> byPart = new LinkedHashMap<>();
                for (String part : parts.propertyNames()) {
                    String pf = field + ".parts." + part;
                    if (!q.askedIn(part) || def.parts().stream().noneMatch(p -> p.code().equals(part))) {
                        problem(pf, "ข้อ " + code + " ไม่มีในส่วน \"" + shown(part) + "\"", "question " + code + " is not asked in part \"" + shown(part) + "\"");
                        continue;
                    }
                    byPart.put(part, answers(parts.get(part), pf, def, q));
                }
                out.put(code, new QuestionEvidence.Tallies(byPart));
            } else {
                out.put(code, new QuestionEvidence.Tallies(Map.of(QuestionEvidence.WHOLE, answers(v, field, def, q))));
            }
        }
        return out;
    }

    /** A {"tally": {...}} or {"subItems": {"a": {...}}} object. */
    private Map<String, Tally> answers(JsonNode n, String field, FrameworkDefinition def, Question q) {
        Map<String, Tally> out = new LinkedHashMap<>();
        if (!isObject(n, field)) {
            return out;
        }
        if (n.has("tally") && n.size() == 1) {
            if (!q.subItems().isEmpty()) {
                problem(field + ".tally", "ข้อ " + q.code() + " มีข้อย่อย ให้ใช้ subItems", "question " + q.code() + " has sub-items: use subItems");
            } else {
                out.put(QuestionEvidence.WHOLE, tally(n.get("tally"), field + ".tally", def, q));
            }
        } else if (n.has("subItems") && n.size() == 1) {
            JsonNode subs = n.get("subItems");
            if (isObject(subs, field + ".subItems")) {
                for (String s : subs.propertyNames()) {
                    if (q.subItems().stream().map(SubItem::code).noneMatch(s::equals)) {
                        problem(field + ".subItems." + s, "ข้อ " + q.code() + " ไม่มีข้อย่อย \"" + shown(s) + "\"", "question " + q.code() + " has no sub-item \"" + shown(s) + "\"");
                        continue;
                    }
                    out.put(s, tally(subs.get(s), field + ".subItems." + s, def, q));
                }
            }
        } else {
            problem(field, "ต้องมี tally หรือ subItems อย่างใดอย่างหนึ่ง", "expected either tally or subItems");
        }
        return out;
    }

    private Tally tally(JsonNode n, String field, FrameworkDefinition def, Question q) {
        Map<String, Long> counts = new HashMap<>();
        if (!isObject(n, field)) {
            return Tally.of(counts);
        }
        AnswerScale scale = def.scale(q.scale()).orElseThrow();
        List<String> codes = scale.options().stream().map(o -> o.code()).toList();
        for (String opt : n.propertyNames()) {
            String f = field + "." + opt;
            if (!codes.contains(opt)) {
                problem(f, "ไม่มีตัวเลือกนี้ในมาตรวัด " + scale.code() + " (ตัวเลือก: " + String.join(", ", codes) + ")",
                        "not an option of scale " + scale.code() + " (options: " + String.join(", ", codes) + ")");
                continue;
            }
            Double c = number(n.get(opt), f);
            if (c != null && (c < 0 || c != Math.rint(c))) {
                problem(f, "จำนวนผู้ตอบต้องเป็นจำนวนเต็มไม่ติดลบ", "a count must be a whole number, zero or more");
            } else if (c != null) {
                counts.put(opt, c.longValue());
            }
        }
        return Tally.of(counts);
    }

    private Map<String, OitEvidence> oit(JsonNode n, FrameworkDefinition def) {
        Map<String, OitEvidence> out = new HashMap<>();
        if (!isObject(n, "oit")) {
            return out;
        }
        for (String code : n.propertyNames()) {
            String field = "oit." + code;
            OitItem item = def.oitItem(code).orElse(null);
            if (item == null) {
                problem(field, "ไม่มีข้อ OIT \"" + shown(code) + "\" ในเกณฑ์ปี " + def.year(), "no OIT item \"" + shown(code) + "\" in the " + def.year() + " framework");
                continue;
            }
            JsonNode v = n.get(code);
            if (!isObject(v, field)) {
                continue;
            }
            if (v.has("score") && v.size() == 1) {
                Double s = score(v.get("score"), field + ".score");
                if (s != null && s != 0 && s != 100) {
                    problem(field + ".score", "คะแนนข้อ OIT ต้องเป็น 0 หรือ 100", "an OIT item scores 0 or 100");
                } else if (s != null) {
                    out.put(code, new OitEvidence.Score(s));
                }
            } else if (v.has("components") && v.size() == 1 && isObject(v.get("components"), field + ".components")) {
                Map<String, Boolean> verdicts = new HashMap<>();
                JsonNode comps = v.get("components");
                for (String c : comps.propertyNames()) {
                    String f = field + ".components." + c;
                    if (item.components().stream().map(OitComponent::code).noneMatch(c::equals)) {
                        problem(f, "ข้อ " + code + " ไม่มีองค์ประกอบ \"" + shown(c) + "\"", "item " + code + " has no component \"" + shown(c) + "\"");
                    } else if (!comps.get(c).isBoolean()) {
                        problem(f, "ต้องเป็น true (ผ่าน) หรือ false (ไม่ผ่าน)", "expected true (passes) or false (fails)");
                    } else {
                        verdicts.put(c, comps.get(c).booleanValue());
                    }
                }
                out.put(code, new OitEvidence.Verdicts(verdicts));
            } else if (!v.has("components")) {
                problem(field, "ต้องมี score หรือ components อย่างใดอย่างหนึ่ง", "expected either score or components");
            }
        }
        return out;
    }
}
