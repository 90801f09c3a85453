package org.openita.report;

import com.ibm.icu.text.BreakIterator;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.util.BitSet;
import java.util.Locale;

/**
 * Lets OpenPDF break a line only where ICU4J's Thai dictionary finds a line-break opportunity, so no line
 * starts or ends inside a Thai word. Not thread-safe: use one per rendering.
 */
final class ThaiSplitCharacter implements SplitCharacter {

    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    private final BreakIterator breaks = BreakIterator.getLineInstance(THAI);
    private char[] lastChars;
    private int lastStart = -1;
    private int lastEnd = -1;
    private BitSet boundaries = new BitSet();

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (cc != lastChars || start != lastStart || end != lastEnd) {
            breaks.setText(new String(cc, start, end - start));
            boundaries = new BitSet();
            for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
                boundaries.set(b);
            }
            lastChars = cc;
            lastStart = start;
            lastEnd = end;
        }
        return boundaries.get(current - start + 1);
    }
}
