package org.openita.core.framework;

import java.util.ArrayList;
import java.util.List;

/** Reads the YAML tree of a definition into framework records, reporting structural problems. */
final class DefinitionReader {

    final List<Located<AnswerScale>> scales = new ArrayList<>();
    final List<Located<Tool>> tools = new ArrayList<>();
    final List<Located<Indicator>> indicators = new ArrayList<>();
    final List<Located<Question>> questions = new ArrayList<>();
    final List<Located<OitItem>> oitItems = new ArrayList<>();
    final List<Located<LevelRule>> levelRules = new ArrayList<>();
    Integer year;
    String version;
    LocalizedText title;
    Provenance provenance;
    boolean oitItemListComplete = true;
    YamlNode levelsNode;
    LevelScheme levelScheme;
    final List<Located<ResponseMinimums.HeadcountRow>> iitMinimumRows = new ArrayList<>();
    final List<Located<ResponseMinimums.GroupRow>> eitPublicMinimumRows = new ArrayList<>();
    final List<Located<ResponseMinimums.GroupRow>> eitSurveyMinimumRows = new ArrayList<>();
    YamlNode iitMinimumsNode;
    YamlNode eitPublicMinimumsNode;
    YamlNode eitSurveyMinimumsNode;
    Integer eitPublicDefault;
    Integer eitSurveyDefault;
    ResponseMinimums responseMinimums = ResponseMinimums.NONE;

    void read(YamlNode root) {
        root.allowOnly("schema", "year", "version", "title", "provenance", "scales", "tools", "indicators",
                "questions", "oit", "levels", "responseMinimums");
        String schema = root.get("schema").text(true);
        if (schema != null && !schema.equals(FrameworkLoader.SCHEMA)) {
            root.get("schema").problem("รูปแบบไฟล์ต้องเป็น " + FrameworkLoader.SCHEMA,
                    "schema must be " + FrameworkLoader.SCHEMA);
        }
        year = root.get("year").integer(true);
        if (year != null && (year < 2500 || year > 2700)) {
            root.get("year").problem("ปีงบประมาณต้องเป็นปีพุทธศักราช เช่น 2568",
                    "year must be a Buddhist-era fiscal year such as 2568");
            year = null;
        }
        version = root.get("version").text(true);
        title = root.get("title").localized(true);
        provenance = provenance(root.get("provenance"), Provenance.UNSTATED);
        root.get("scales").list(true).forEach(this::scale);
        root.get("tools").list(true).forEach(this::tool);
        root.get("indicators").list(true).forEach(this::indicator);
        root.get("questions").list(true).forEach(this::question);
        YamlNode oit = root.get("oit");
        oit.allowOnly("itemListComplete", "items");
        oitItemListComplete = oit.get("itemListComplete").bool(true);
        oit.get("items").list(false).forEach(this::oitItem);
        levels(root.get("levels"));
        responseMinimums(root.get("responseMinimums"));
    }

    private Provenance provenance(YamlNode n, Provenance fallback) {
        if (n.isMissing()) {
            return fallback;
        }
        n.allowOnly("confidence", "source", "note");
        Confidence c = n.get("confidence").enumValue(Confidence.class, Confidence.I, true);
        return new Provenance(c, n.get("source").text(false), n.get("note").text(false));
    }

    private void scale(YamlNode n) {
        n.allowOnly("code", "name", "options", "provenance");
        String code = n.get("code").text(true);
        LocalizedText name = n.get("name").localized(true);
        List<AnswerOption> options = new ArrayList<>();
        for (YamlNode o : n.get("options").list(true)) {
            o.allowOnly("code", "th", "en", "points");
            String oc = o.get("code").text(true);
            String th = o.get("th").text(true);
            Double points = o.get("points").number(true);
            if (oc != null && th != null && points != null) {
                options.add(new AnswerOption(oc, new LocalizedText(th, o.get("en").text(false)), points));
            }
        }
        if (code != null && name != null) {
            scales.add(new Located<>(new AnswerScale(code, name, options, provenance(n.get("provenance"), provenance)), n));
        }
    }

    private void tool(YamlNode n) {
        n.allowOnly("code", "name", "weight", "parts", "partCombination", "provenance");
        ToolCode code = n.get("code").enumValue(ToolCode.class, null, true);
        LocalizedText name = n.get("name").localized(true);
        Double weight = n.get("weight").number(true);
        Provenance prov = provenance(n.get("provenance"), provenance);
        List<ToolPart> parts = new ArrayList<>();
        for (YamlNode p : n.get("parts").list(false)) {
            p.allowOnly("code", "name", "weight", "provenance");
            String pc = p.get("code").text(true);
            LocalizedText pn = p.get("name").localized(true);
            Double pw = p.get("weight").number(false);
            if (pc != null && pn != null) {
                parts.add(new ToolPart(pc, pn, pw == null ? 0 : pw, provenance(p.get("provenance"), prov)));
            }
        }
        PartCombination comb = n.get("partCombination").enumValue(PartCombination.class, PartCombination.POOLED, false);
        if (code != null && name != null && weight != null) {
            tools.add(new Located<>(new Tool(code, name, weight, parts, comb, prov), n));
        }
    }

    private void indicator(YamlNode n) {
        n.allowOnly("number", "tool", "name", "weight", "subIndicators", "provenance");
        Integer number = n.get("number").integer(true);
        ToolCode tool = n.get("tool").enumValue(ToolCode.class, null, true);
        LocalizedText name = n.get("name").localized(true);
        Double weight = n.get("weight").number(true);
        List<SubIndicator> subs = new ArrayList<>();
        for (YamlNode s : n.get("subIndicators").list(false)) {
            s.allowOnly("code", "name");
            String sc = s.get("code").text(true);
            LocalizedText sn = s.get("name").localized(true);
            if (sc != null && sn != null) {
                subs.add(new SubIndicator(sc, sn));
            }
        }
        if (number != null && tool != null && name != null && weight != null) {
            indicators.add(new Located<>(new Indicator(number, tool, name, weight, subs,
                    provenance(n.get("provenance"), provenance)), n));
        }
    }

    private void question(YamlNode n) {
        n.allowOnly("code", "indicator", "tool", "parts", "scale", "direction", "scored", "weight", "subItems",
                "summary", "provenance");
        String code = n.get("code").text(true);
        Integer indicator = n.get("indicator").integer(true);
        ToolCode tool = n.get("tool").enumValue(ToolCode.class, null, true);
        List<String> parts = new ArrayList<>();
        for (YamlNode p : n.get("parts").list(false)) {
            String pc = p.text(true);
            if (pc != null) {
                parts.add(pc);
            }
        }
        String scale = n.get("scale").text(true);
        Direction direction = n.get("direction").enumValue(Direction.class, Direction.POSITIVE, false);
        boolean scored = n.get("scored").bool(true);
        Double weight = n.get("weight").number(false);
        List<SubItem> subItems = new ArrayList<>();
        for (YamlNode s : n.get("subItems").list(false)) {
            s.allowOnly("code", "summary");
            String sc = s.get("code").text(true);
            LocalizedText ss = s.get("summary").localized(true);
            if (sc != null && ss != null) {
                subItems.add(new SubItem(sc, ss));
            }
        }
        LocalizedText summary = n.get("summary").localized(true);
        if (code != null && indicator != null && tool != null && scale != null && summary != null) {
            questions.add(new Located<>(new Question(code, indicator, tool, parts, scale, direction, scored,
                    weight == null ? 1 : weight, subItems, summary, provenance(n.get("provenance"), provenance)), n));
        }
    }

    private void oitItem(YamlNode n) {
        n.allowOnly("code", "indicator", "subIndicator", "title", "period", "components", "keyTerms", "provenance");
        String code = n.get("code").text(true);
        Integer indicator = n.get("indicator").integer(true);
        String sub = n.get("subIndicator").text(true);
        LocalizedText title = n.get("title").localized(true);
        PeriodRule period = n.get("period").enumValue(PeriodRule.class, PeriodRule.CURRENT_FISCAL_YEAR, true);
        List<OitComponent> comps = new ArrayList<>();
        for (YamlNode c : n.get("components").list(true)) {
            c.allowOnly("code", "th", "en");
            String cc = c.get("code").text(true);
            String th = c.get("th").text(true);
            if (cc != null && th != null) {
                comps.add(new OitComponent(cc, new LocalizedText(th, c.get("en").text(false))));
            }
        }
        List<String> terms = new ArrayList<>();
        for (YamlNode t : n.get("keyTerms").list(false)) {
            String term = t.text(true); // a blank one is a problem "must not be empty" at its own path
            if (term != null && term.length() > 100) {
                t.problem("คำสำคัญของข้อ OIT ยาวเกิน 100 ตัวอักษร", "an OIT item's key term is longer than 100 characters");
            } else if (term != null) {
                terms.add(term.strip());
            }
        }
        if (code != null && indicator != null && sub != null && title != null) {
            oitItems.add(new Located<>(new OitItem(code, sub, indicator, title, period, comps, terms,
                    provenance(n.get("provenance"), provenance)), n));
        }
    }

    private void levels(YamlNode n) {
        levelsNode = n;
        if (n.isMissing()) {
            n.problem("ต้องกำหนดเกณฑ์ระดับผลการประเมิน (levels)", "a level scheme (levels) is required");
            return;
        }
        n.allowOnly("target", "rules", "provenance");
        Double target = n.get("target").number(true);
        for (YamlNode r : n.get("rules").list(true)) {
            r.allowOnly("code", "name", "meaning", "passing", "overall", "each");
            String code = r.get("code").text(true);
            LocalizedText name = r.get("name").localized(true);
            LocalizedText meaning = r.get("meaning").localized(true);
            boolean passing = r.get("passing").bool(false);
            YamlNode overall = r.get("overall");
            overall.allowOnly("atLeast", "below");
            Double atLeast = overall.get("atLeast").number(false);
            Double below = overall.get("below").number(false);
            List<Gate> gates = new ArrayList<>();
            for (YamlNode g : r.get("each").list(false)) {
                g.allowOnly("of", "atLeast");
                List<String> of = new ArrayList<>();
                for (YamlNode k : g.get("of").list(true)) {
                    String key = k.text(true);
                    if (key != null) {
                        of.add(key);
                    }
                }
                Double min = g.get("atLeast").number(true);
                if (min != null) {
                    gates.add(new Gate(of, min));
                }
            }
            if (code != null && name != null && meaning != null) {
                levelRules.add(new Located<>(new LevelRule(code, name, meaning, passing, atLeast, below, gates), r));
            }
        }
        levelScheme = new LevelScheme(target == null ? 85 : target, levelRules.stream().map(Located::value).toList(),
                provenance(n.get("provenance"), provenance));
    }

    /** The optional section of response minimums; its rows are checked by {@link ResponseMinimumChecks}. */
    private void responseMinimums(YamlNode n) {
        if (n.isMissing() || !mapping(n)) {
            return;
        }
        n.allowOnly("iit", "eitPublic", "eitSurvey");
        ResponseMinimums.IitRule iit = null;
        YamlNode i = n.get("iit");
        if (!i.isMissing() && mapping(i)) {
            iitMinimumsNode = i;
            i.allowOnly("rows", "provenance");
            for (YamlNode r : i.get("rows").list(true)) {
                r.allowOnly("upTo", "all", "minimum", "percent");
                Integer upTo = r.get("upTo").integer(false);
                boolean all = r.get("all").bool(false);
                Integer minimum = r.get("minimum").integer(false);
                Integer percent = r.get("percent").integer(false);
                int given = (all ? 1 : 0) + (minimum != null ? 1 : 0) + (percent != null ? 1 : 0);
                if (given != 1) {
                    r.problem("แต่ละแถวต้องระบุอย่างใดอย่างหนึ่งเท่านั้น: all: true (ทุกคนต้องตอบ), minimum (จำนวนขั้นต่ำ) หรือ percent (ร้อยละของบุคลากร)",
                            "each row needs exactly one of all: true (everyone answers), minimum (a number) or percent (a share of the staff)");
                } else {
                    iitMinimumRows.add(new Located<>(new ResponseMinimums.HeadcountRow(upTo, all, minimum, percent), r));
                }
            }
            iit = new ResponseMinimums.IitRule(iitMinimumRows.stream().map(Located::value).toList(),
                    provenance(i.get("provenance"), provenance));
        }
        ResponseMinimums.GroupRule eit = null;
        YamlNode e = n.get("eitPublic");
        if (!e.isMissing() && mapping(e)) {
            eitPublicMinimumsNode = e;
            eitPublicDefault = e.get("default").integer(true);
            eit = groupRule(e, eitPublicDefault, eitPublicMinimumRows);
        }
        ResponseMinimums.GroupRule survey = null;
        YamlNode s = n.get("eitSurvey");
        if (!s.isMissing() && mapping(s)) {
            eitSurveyMinimumsNode = s;
            eitSurveyDefault = s.get("default").integer(true);
            survey = groupRule(s, eitSurveyDefault, eitSurveyMinimumRows);
        }
        responseMinimums = new ResponseMinimums(iit, eit, survey);
    }

    /** A table by agency group (EIT part 1 or 2): its default, its rows, each row's provenance or the rule's. */
    private ResponseMinimums.GroupRule groupRule(YamlNode e, Integer fallback, List<Located<ResponseMinimums.GroupRow>> rows) {
        e.allowOnly("default", "rows", "provenance");
        Provenance ruleProvenance = provenance(e.get("provenance"), provenance);
        for (YamlNode r : e.get("rows").list(false)) {
            r.allowOnly("agencyType", "size", "minimum", "provenance");
            String type = r.get("agencyType").text(true);
            String size = r.get("size").text(false);
            Integer minimum = r.get("minimum").integer(true);
            if (type != null && minimum != null) {
                rows.add(new Located<>(new ResponseMinimums.GroupRow(type, size, minimum,
                        provenance(r.get("provenance"), ruleProvenance)), r));
            }
        }
        return new ResponseMinimums.GroupRule(rows.stream().map(Located::value).toList(), fallback == null ? 0 : fallback, ruleProvenance);
    }

    private static boolean mapping(YamlNode n) {
        if (!n.isMapping()) {
            n.problem("ต้องเป็นแมป (mapping) ไม่ใช่ค่าเดี่ยวหรือรายการ", "expected a mapping, not a single value or a list");
            return false;
        }
        return true;
    }
}
