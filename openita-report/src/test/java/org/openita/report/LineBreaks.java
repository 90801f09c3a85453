package org.openita.report;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the line ends of extracted text against the report's own texts: where two consecutive lines join into
 * one text of the report, the renderer broke a line there, and that point must be a line-break opportunity by
 * ICU4J's Thai dictionary (so no Thai word and no English word is cut in two).
 */
final class LineBreaks {

    record Result(int checked, List<String> broken) {
    }

    private LineBreaks() {
    }

    /** Each piece of text the report sets on its own: headings, paragraphs, bullet items, cells, cover and chart lines. */
    static List<String> units(ReportDocument d) {
        List<String> units = new ArrayList<>();
        for (Block b : d.blocks()) {
            if (b instanceof Block.Heading h) {
                units.add(h.full());
            } else if (b instanceof Block.Paragraph p) {
                units.add(p.text());
            } else if (b instanceof Block.Bullets l) {
                units.addAll(l.items());
            } else if (b instanceof Block.Table t) {
                units.addAll(t.header());
                t.rows().forEach(units::addAll);
            } else if (b instanceof Block.Cover c) {
                units.addAll(c.title());
                units.addAll(c.agency());
                units.add(c.date());
            } else if (b instanceof Block.BarChart c) {
                units.add(c.title());
                units.add(ChartScale.of(c).note());
                c.bars().forEach(bar -> units.add(bar.label()));
            }
        }
        List<String> lines = new ArrayList<>();
        units.forEach(u -> lines.addAll(List.of(u.split("\n"))));
        return lines;
    }

    /**
     * @param repair true for text extracted from LibreOffice's PDF, whose text layer loses or doubles some Thai marks;
     *               lines and texts are then compared by their base letters only
     */
    static Result check(List<String> lines, List<String> units, boolean repair) {
        List<Skeleton> texts = units.stream().map(u -> Skeleton.of(u, repair)).toList();
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.forLanguageTag("th-TH"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        List<String> clean = lines.stream().map(String::strip).map(l -> l.replaceFirst("^•\\s*", "")).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < clean.size(); i++) {
            String a = clean.get(i);
            String b = clean.get(i + 1);
            if (!Character.isLetter(a.charAt(a.length() - 1)) && !isThai(a.charAt(a.length() - 1))
                    || !Character.isLetter(b.charAt(0)) && !isThai(b.charAt(0))) {
                continue;
            }
            String sa = Skeleton.of(a, repair).text;
            String key = sa + Skeleton.of(b, repair).text;
            if (sa.isEmpty() || key.length() < 4) {
                continue;
            }
            for (Skeleton t : texts) {
                int at = t.text.indexOf(key);
                if (at >= 0) {
                    checked++;
                    int original = t.original[at + sa.length()];
                    breaks.setText(t.source);
                    if (!breaks.isBoundary(original)) {
                        broken.add(t.source.substring(0, original) + " | " + t.source.substring(original));
                    }
                    break;
                }
            }
        }
        return new Result(checked, broken);
    }

    static boolean isThai(char c) {
        return c >= '\u0E01' && c <= '\u0E4E';
    }

    /** The letters of a text without Thai marks, each with where it stands in the text. */
    private record Skeleton(String source, String text, int[] original) {
        static Skeleton of(String s, boolean repair) {
            String src = repair ? s.replace("\u0E33\u0E32", "\u0E33").replace("\u0E4D\u0E32", "\u0E33") : s;
            StringBuilder sb = new StringBuilder();
            int[] map = new int[src.length() + 1];
            for (int i = 0; i < src.length(); i++) {
                char c = src.charAt(i);
                if (repair && (c == '\u0E31' || c >= '\u0E34' && c <= '\u0E3A' || c >= '\u0E47' && c <= '\u0E4E')) {
                    continue;
                }
                map[sb.length()] = i;
                sb.append(repair && c == '\u0E33' ? '\u0E32' : c);
            }
            map[sb.length()] = src.length();
            return new Skeleton(src, sb.toString(), map);
        }
    }
}
