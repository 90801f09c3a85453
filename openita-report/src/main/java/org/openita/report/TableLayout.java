package org.openita.report;

import com.ibm.icu.text.BreakIterator;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column widths that never force a word apart. A table's relative widths are only wishes: a column narrower than
 * its longest word (by ICU4J's Thai dictionary) makes Word, LibreOffice and OpenPDF break inside the word, so each
 * column first gets room for its longest word in the font it is set in, and the space left is shared out by the
 * wished proportions.
 */
final class TableLayout {

    private static final Locale THAI = Locale.forLanguageTag("th-TH");
    private static final BreakIterator LINE = BreakIterator.getLineInstance(THAI);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Words are measured once at this size and scaled (fractional metrics, so widths scale linearly). */
    private static final float MEASURE_SIZE = 100f;
    private static final Font REGULAR = Fonts.awt(Fonts.REGULAR, MEASURE_SIZE);
    private static final Font BOLD = Fonts.awt(Fonts.BOLD, MEASURE_SIZE);
    /** Width at MEASURE_SIZE of each word seen, regular and bold; the same words recur in every report. */
    private static final Map<String, Float> REGULAR_WIDTHS = new ConcurrentHashMap<>();
    private static final Map<String, Float> BOLD_WIDTHS = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;

    /** Renderers may set a word a little wider than Java2D measures it; this much spare room covers that. */
    private static final float SLACK = 1.08f;

    private TableLayout() {
    }

    /**
     * Widths in points that add up to {@code total}.
     *
     * @param size the font size of the cells in points (the header row is bold)
     * @param padding the horizontal padding of a cell, both sides together, in points
     */
    static float[] widths(Block.Table t, float total, float size, float padding) {
        int n = t.header().size();
        float[] min = new float[n];
        BreakIterator words = (BreakIterator) LINE.clone();
        for (int c = 0; c < n; c++) {
            min[c] = longestWord(t.header().get(c), true, words);
            for (List<String> row : t.rows()) {
                min[c] = Math.max(min[c], longestWord(row.get(c), false, words));
            }
            min[c] = min[c] * size / MEASURE_SIZE * SLACK + padding;
        }
        return share(t.widths(), min, total);
    }

    /** Gives each column at least its minimum; the rest goes by the wished proportions to the columns above theirs. */
    static float[] share(float[] wished, float[] min, float total) {
        int n = wished.length;
        float sumMin = 0;
        for (float m : min) {
            sumMin += m;
        }
        float[] out = new float[n];
        if (sumMin >= total) {
            for (int c = 0; c < n; c++) {
                out[c] = total * min[c] / sumMin;
            }
            return out;
        }
        boolean[] fixed = new boolean[n];
        while (true) {
            float free = total;
            float weight = 0;
            for (int c = 0; c < n; c++) {
                if (fixed[c]) {
                    free -= min[c];
                } else {
                    weight += wished[c];
                }
            }
            boolean changed = false;
            for (int c = 0; c < n; c++) {
                if (!fixed[c]) {
                    out[c] = free * wished[c] / weight;
                    if (out[c] < min[c]) {
                        fixed[c] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                for (int c = 0; c < n; c++) {
                    if (fixed[c]) {
                        out[c] = min[c];
                    }
                }
                return out;
            }
        }
    }

    /** The width of the widest piece of the text that may not be broken, at MEASURE_SIZE. */
    static float longestWord(String text, boolean bold, BreakIterator words) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        float max = 0;
        for (String line : text.split("\n")) {
            words.setText(line);
            int start = words.first();
            for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
                String piece = line.substring(start, end).strip();
                if (!piece.isEmpty()) {
                    max = Math.max(max, width(piece, bold));
                }
            }
        }
        return max;
    }

    private static float width(String word, boolean bold) {
        Map<String, Float> cache = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
        Float w = cache.get(word);
        if (w == null) {
            w = new TextLayout(word, bold ? BOLD : REGULAR, FRC).getAdvance();
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(word, w);
        }
        return w;
    }
}
