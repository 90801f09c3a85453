package org.openita.report;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code of one link, error correction level M (about 15 % of the symbol may be damaged or covered), drawn in a
 * PDF as filled squares, so it stays sharp at any print size. Dark modules of a row are joined into one rectangle
 * each, which keeps a sheet of 2,000 slips small. The symbol is drawn inside a square box with a quiet zone of
 * {@link #QUIET} modules on every side, as the QR standard asks, so nothing printed next to it confuses a reader.
 */
final class QrSymbol {

    /** Modules of white around the symbol. */
    static final int QUIET = 4;
    static final Color DARK = Color.BLACK;

    private final ByteMatrix matrix;

    private QrSymbol(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    static QrSymbol of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a QR code needs a link to hold");
        }
        // a link is ASCII and fits byte mode as it is; anything else is written as UTF-8, which phones expect
        Map<EncodeHintType, Object> hints = StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                ? Map.of()
                : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return new QrSymbol(Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("the link is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /** Modules per side, without the quiet zone. */
    int modules() {
        return matrix.getWidth();
    }

    /**
     * Draws the symbol so that it and its quiet zone fill the square box whose lower left corner is (x, y). The
     * box is filled white first, so the quiet zone holds even over a coloured background.
     */
    void draw(PdfContentByte cb, float x, float y, float box) {
        int n = matrix.getWidth();
        float module = box / (n + 2 * QUIET);
        cb.saveState();
        cb.setColorFill(Color.WHITE);
        cb.rectangle(x, y, box, box);
        cb.fill();
        cb.setColorFill(DARK);
        float left = x + QUIET * module;
        float top = y + box - QUIET * module;
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row) == 1) {
                    col++;
                }
                // a hair wider and taller than the module, so no white seam shows between joined squares
                cb.rectangle(left + start * module, top - (row + 1) * module - 0.01f, (col - start) * module + 0.01f,
                        module + 0.02f);
            }
        }
        cb.fill();
        cb.restoreState();
    }
}
