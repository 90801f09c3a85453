package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which text each shaped glyph stands for, on made-up glyph sequences the Thai shaper produces. */
class ClusterTextTest {

    @Test
    void aSplitSaraAmReadsAsSaraAmOnItsAaGlyph() {
        // ด ำ shaped as ด + ํ + า: both pieces come from char 1
        String[] texts = ClusterText.assign("ดำ", new int[] {0, 1, 1}, new boolean[] {true, false, true});
        assertThat(texts).containsExactly("ด", "", "ำ");
    }

    @Test
    void theNikhahitMovedBeforeAToneMarkReadsAsNothingAndEachOtherGlyphAsItsOwnCharacter() {
        // น ้ ำ shaped as น + ํ + ้ + า
        String[] texts = ClusterText.assign("น้ำ", new int[] {0, 2, 1, 2}, new boolean[] {true, false, false, true});
        assertThat(texts).containsExactly("น", "", "\u0E49", "ำ");
    }

    @Test
    void aBaseLetterNeverCarriesItsMarks() {
        // pdf.js gives no width to a glyph whose text holds a mark (Mn), which split words around such glyphs
        // ผู้ใหญ่: ผ ู ้ | ใ | ห | ญ ่  (ญ drawn without its tail is still ญ)
        String[] texts = ClusterText.assign("ผู้ใหญ่", new int[] {0, 1, 2, 3, 4, 5, 6},
                new boolean[] {true, false, false, true, true, true, false});
        assertThat(texts).containsExactly("ผ", "\u0E39", "\u0E49", "ใ", "ห", "ญ", "\u0E48");
    }

    @Test
    void glyphsOutOfCharacterOrderReadAsNothingAndTheRunStillReadsWhole() {
        String[] texts = ClusterText.assign("กำ", new int[] {0, 1, 0}, new boolean[] {true, true, true});
        assertThat(String.join("", texts)).isEqualTo("กำ");
        assertThat(texts).containsExactly("ก", "ำ", "");
    }

    @Test
    void aGlyphStandingForTwoCharactersReadsAsBoth() {
        // a ligature: one glyph for ฤ and ๅ
        String[] texts = ClusterText.assign("ฤๅษี", new int[] {0, 2, 3}, new boolean[] {true, true, false});
        assertThat(texts).containsExactly("ฤๅ", "ษ", "\u0E35");
    }

    @Test
    void shapingWithSarabunSplitsSaraAmAndTheRepairReadsItBack() {
        java.awt.Font sarabun = Fonts.awt(Fonts.REGULAR, 16f);
        String text = "น้ำ ผู้ใหญ่ ปั้น ที่นี่";
        var gv = sarabun.layoutGlyphVector(new java.awt.font.FontRenderContext(null, false, true), text.toCharArray(), 0,
                text.length(), java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        int[] all = gv.getGlyphCodes(0, gv.getNumGlyphs(), null);
        int[] glyphs = java.util.Arrays.stream(all).filter(g -> g != 0xFFFE && g != 0xFFFF).toArray();
        String[] texts = ClusterText.of(sarabun, text, glyphs, g -> gv.getGlyphMetrics(indexOf(all, g)).getAdvanceX() > 0);
        assertThat(texts).isNotNull();
        assertThat(String.join("", texts)).isEqualTo(text);
        assertThat(texts).doesNotContain("\u0E4D", "\u0E32");
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
