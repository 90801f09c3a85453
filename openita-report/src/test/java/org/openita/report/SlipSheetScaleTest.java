package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;
import org.openita.report.SurveyKits.Slip;
import org.openita.report.SurveyKits.SlipSheet;

/**
 * A large agency's sheet: {@link SurveyKits#MAX_SLIPS} slips in one PDF, in bounded time and size, every page there
 * and the codes of its first and last pages readable. Writes the figures to target/kits/slips-2000.txt (see
 * docs/benchmarks.md).
 */
class SlipSheetScaleTest {

    @Test
    void twoThousandSlipsInBoundedTimeAndSize() throws Exception {
        int n = SurveyKits.MAX_SLIPS;
        List<Slip> slips = SurveyKitsTest.slips(n);
        // warm the JIT and the fonts on a small sheet first, so the figure is the steady cost
        SurveyKits.slips(new SlipSheet(SurveyKitsTest.AGENCY, SurveyKitsTest.YEAR, "ita.example.go.th/slip",
                slips.subList(0, 80), DigitStyle.THAI));
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        byte[] pdf = SurveyKits.slips(new SlipSheet(SurveyKitsTest.AGENCY, SurveyKitsTest.YEAR, "ita.example.go.th/slip",
                slips, DigitStyle.THAI));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        String figures = String.format("%d slips: %.1f s wall, %.1f s CPU (rendering thread), %,d bytes, %d pages%n",
                n, seconds, cpu, pdf.length, (n + SlipPages.PER_PAGE - 1) / SlipPages.PER_PAGE);
        Path out = Path.of("target", "kits", "slips-2000.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);
        System.out.print(figures);

        int pages = (n + SlipPages.PER_PAGE - 1) / SlipPages.PER_PAGE;
        try (var d = KitPdfs.open(pdf)) {
            assertThat(d.getNumberOfPages()).isEqualTo(pages);
        }
        assertThat(pdf.length).as("bytes").isLessThan(8_000_000);
        // generous, for a machine shared with other builds; the measured figure is in docs/benchmarks.md
        assertThat(seconds).as("seconds").isLessThan(180);
        for (int p : new int[] {0, pages - 1}) {
            BufferedImage page = KitPdfs.render(pdf, p, 150);
            for (int i = 0; i < SlipPages.PER_PAGE; i++) {
                com.lowagie.text.Rectangle r = SlipPages.cell(i);
                BufferedImage cell = KitPdfs.crop(page, SlipPages.PAGE.getHeight(), 150,
                        new Rectangle2D.Float(r.getLeft(), r.getBottom(), r.getWidth(), r.getHeight()));
                assertThat(KitPdfs.decode(cell)).isEqualTo(slips.get(p * SlipPages.PER_PAGE + i).url());
            }
        }
        assertThat(KitPdfs.text(pdf, pages)).contains(slips.get(n - 1).grouped());
    }
}
