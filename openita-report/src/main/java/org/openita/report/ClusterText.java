package org.openita.report;

import com.ibm.icu.text.BreakIterator;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.Arrays;

/**
 * Which part of a text each shaped glyph stands for, so a PDF's ToUnicode map can give it back in reading order.
 * The text is shaped again exactly as OpenPDF's LayoutProcessor shaped it (same AWT font, same flags), which tells
 * for every glyph the character it came from. Glyphs are then grouped into the smallest runs that cover whole
 * grapheme clusters in order (น้ำ = น + ํ + ้ + า is one such run: the shaper splits ำ and moves its ํ before the
 * tone mark). Each glyph then reads as its own characters where glyph order allows, and a glyph the shaper cut
 * from a character or moved out of order reads as nothing, so an extractor that reads glyph by glyph gets each
 * cluster once, whole and in order.
 */
final class ClusterText {

    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), false, true);

    private ClusterText() {
    }

    /**
     * @param font   the AWT font LayoutProcessor shaped with (with its kerning/ligature attributes)
     * @param text   the text of one shown run, as in its /ActualText
     * @param glyphs the glyph ids the PDF shows for it
     * @param advances whether a glyph id moves the pen (has a width in the PDF font)
     * @return for each glyph its text, "" for glyphs that carry none; or null when shaping the text does not give
     *     exactly these glyphs (the run is then left as it is)
     */
    static String[] of(java.awt.Font font, String text, int[] glyphs, java.util.function.IntPredicate advances) {
        if (text.isEmpty() || glyphs.length == 0) {
            return null;
        }
        char[] chars = text.toCharArray();
        if (!new Bidi(new AttributedString(text).getIterator()).isLeftToRight()) {
            return null;
        }
        GlyphVector gv = font.layoutGlyphVector(FRC, chars, 0, chars.length, java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        int[] charOf = new int[glyphs.length];
        int n = 0;
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            int code = gv.getGlyphCode(i);
            if (code == 0xFFFE || code == 0xFFFF) {
                continue; // AWT's non-glyphs, which OpenPDF does not write either
            }
            if (n == glyphs.length || glyphs[n] != code) {
                return null;
            }
            charOf[n++] = gv.getGlyphCharIndex(i);
        }
        if (n != glyphs.length) {
            return null;
        }
        boolean[] advancing = new boolean[n];
        for (int i = 0; i < n; i++) {
            advancing[i] = advances.test(glyphs[i]);
        }
        return assign(text, charOf, advancing);
    }

    /**
     * Groups glyphs into runs of whole, ordered grapheme clusters, then gives each glyph its own characters where
     * glyph order allows: within a run, the longest chain of glyphs in character order carries the text, each
     * glyph from its own character up to the next carrier's; a glyph out of that order (the ํ the shaper cuts from
     * ำ and moves before a tone mark) carries nothing. So ดำ reads ด + "" + ำ and น้ำ reads น + "" + ้ + ำ. Where
     * two chains are as long, the one that puts marks on glyphs that do not advance and letters on glyphs that do
     * wins: pdf.js gives no width to a glyph whose text holds a mark, so a base letter must not carry its marks.
     */
    static String[] assign(String text, int[] charOf, boolean[] advances) {
        int[] clusterStart = clusterStarts(text);
        int n = charOf.length;
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = clusterStart[Math.max(0, Math.min(charOf[i], text.length() - 1))];
        }
        int[] suffixMin = new int[n + 1];
        suffixMin[n] = Integer.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            suffixMin[i] = Math.min(suffixMin[i + 1], cluster[i]);
        }
        String[] out = new String[n];
        Arrays.fill(out, "");
        int runStart = 0;
        int textFrom = 0;
        int max = -1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, cluster[i]);
            if (max < suffixMin[i + 1]) { // every later glyph belongs to a later cluster: the run ends here
                int textTo = i + 1 == n ? text.length() : suffixMin[i + 1];
                run(text, charOf, advances, runStart, i + 1, textFrom, textTo, out);
                runStart = i + 1;
                textFrom = textTo;
            }
        }
        return out;
    }

    private static void run(String text, int[] charOf, boolean[] advances, int from, int to, int textFrom, int textTo,
            String[] out) {
        int m = to - from;
        int[] length = new int[m];
        int[] score = new int[m];
        int[] previous = new int[m];
        int best = -1;
        for (int i = 0; i < m; i++) {
            int c = charOf[from + i];
            if (c < textFrom || c >= textTo) {
                continue;
            }
            length[i] = 1;
            score[i] = fits(text, c, advances[from + i]);
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (length[j] > 0 && charOf[from + j] < c) {
                    int l = length[j] + 1;
                    int sc = score[j] + fits(text, c, advances[from + i]);
                    if (l > length[i] || (l == length[i] && sc > score[i])) {
                        length[i] = l;
                        score[i] = sc;
                        previous[i] = j;
                    }
                }
            }
            if (best < 0 || length[i] > length[best] || (length[i] == length[best] && score[i] > score[best])) {
                best = i;
            }
        }
        if (best < 0) {
            out[from] = text.substring(textFrom, textTo);
            return;
        }
        int end = textTo;
        for (int i = best; i >= 0; i = previous[i]) {
            int start = previous[i] < 0 ? textFrom : charOf[from + i];
            out[from + i] = text.substring(start, end);
            end = start;
        }
    }

    /** 1 when a glyph suits the character it would start with: a mark on a glyph that does not advance, or not. */
    private static int fits(String text, int c, boolean advances) {
        boolean mark = Character.getType(text.codePointAt(c)) == Character.NON_SPACING_MARK;
        return mark != advances ? 1 : 0;
    }

    /** For each char, the index where its grapheme cluster starts. */
    private static int[] clusterStarts(String text) {
        int[] start = new int[text.length()];
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(text);
        int from = graphemes.first();
        for (int to = graphemes.next(); to != BreakIterator.DONE; from = to, to = graphemes.next()) {
            Arrays.fill(start, from, to, from);
        }
        return start;
    }
}
