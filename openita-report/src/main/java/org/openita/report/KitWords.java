package org.openita.report;

import java.util.List;
import java.util.Map;
import org.openita.core.framework.ToolCode;
import org.openita.core.thai.DigitStyle;

/** The words a poster or table card prints, filled in from a kit: Thai or English, digits as the kit asks. */
record KitWords(String agency, String year, String title, String audience, List<String> steps, String linkLabel,
        DigitStyle digits) {

    static KitWords of(SurveyKits.Kit k, KitPhrases phrases) {
        String tool = k.tool() == ToolCode.IIT ? "iit" : "eit";
        String year = phrases.fill("kit.year", Map.of(
                "year", SurveyKits.digits(k.year().buddhistEra(), k.digits()),
                "yearCe", SurveyKits.digits(k.year().lastDay().getYear(), k.digits())));
        Map<String, String> counts = Map.of(
                "questions", SurveyKits.digits(k.questionCount(), k.digits()),
                "minutes", SurveyKits.digits(SurveyKits.minutes(k.questionCount()), k.digits()));
        List<String> steps = List.of(
                phrases.get("kit.step.scan"),
                phrases.fill("kit." + tool + ".step.answer", counts),
                phrases.get("kit.step.anonymous"),
                phrases.get("kit." + tool + ".step.why"));
        return new KitWords(k.agencyName(), year, phrases.get("kit." + tool + ".title"),
                phrases.get("kit." + tool + ".audience"), steps, phrases.get("kit.link"), k.digits());
    }
}
