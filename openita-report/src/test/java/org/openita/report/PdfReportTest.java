package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;

class PdfReportTest {

    @Test
    void writesThePdf() throws Exception {
        byte[] pdf = PdfRenderer.render(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI);
        Path out = Path.of("target", "samples", "samdet-2568.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }
}
