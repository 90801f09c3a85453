package org.openita.server.oit.internal.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PeriodRule;
import org.openita.core.framework.Provenance;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Timing harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=PrecheckHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}.
 * One fetch (over real HTTP from a local server) and one pre-check of a typical 200 KB Thai HTML page and of a 2 MB
 * PDF (20 pages of Thai text, each with a photo-like image), 20 rounds to warm up, 50 timed. Figures go to
 * docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "openita.bench", matches = "true")
class PrecheckHarness {

    private static final String TERM = "แผนปฏิบัติการป้องกันการทุจริต";
    private static final String SENTENCE = "สำนักงานได้ดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
            + "โดยมีโครงการและกิจกรรมที่มุ่งเสริมสร้างคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน ";

    @Test
    void fetchAndPrecheck() throws Exception {
        byte[] html = html();
        byte[] pdf = pdf();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        TextPrechecker checker = new TextPrechecker(messages);
        OitItem item = new OitItem("o30", "5.1", 9, LocalizedText.of(TERM, "Plan"), PeriodRule.CURRENT_FISCAL_YEAR,
                List.of(), List.of(TERM), Provenance.UNSTATED);
        try (TestSite site = new TestSite()) {
            site.on("/page.html", TestSite.page("text/html; charset=UTF-8", html));
            site.on("/plan.pdf", TestSite.page("application/pdf", pdf));
            SafeFetcher fetcher = new SafeFetcher(FetchProperties.defaults().withAllowHosts(List.of(site.hostPort()))
                    .withPoliteness(2, Duration.ZERO), HostResolver.SYSTEM);
            try {
                run("HTML " + html.length / 1024 + " KB", fetcher, checker, item, site.url("/page.html"));
                run("PDF " + pdf.length / 1024 + " KB", fetcher, checker, item, site.url("/plan.pdf"));
            } finally {
                fetcher.destroy();
            }
        }
    }

    private static void run(String what, SafeFetcher fetcher, TextPrechecker checker, OitItem item, URI url) {
        List<Long> fetchMicros = new ArrayList<>();
        List<Long> checkMicros = new ArrayList<>();
        for (int round = 0; round < 70; round++) {
            long t0 = System.nanoTime();
            Fetched f = fetcher.fetch(url);
            long t1 = System.nanoTime();
            Findings findings = checker.check(f, "127.0.0.1", FiscalYear.of(2569), item);
            long t2 = System.nanoTime();
            if (f.outcome() != Fetched.Outcome.OK || !findings.warnings().isEmpty()) {
                throw new AssertionError(what + ": " + f.outcome() + " " + findings.warnings());
            }
            if (round >= 20) {
                fetchMicros.add((t1 - t0) / 1000);
                checkMicros.add((t2 - t1) / 1000);
            }
        }
        System.out.printf("PRECHECK %s: fetch median %.1f ms p95 %.1f ms; pre-check median %.1f ms p95 %.1f ms%n", what,
                pct(fetchMicros, 50), pct(fetchMicros, 95), pct(checkMicros, 50), pct(checkMicros, 95));
    }

    private static double pct(List<Long> micros, int p) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, s.size() * p / 100)) / 1000.0;
    }

    /** A government-site page: menus, a table of 300 rows of Thai text, about 200 KB. */
    static byte[] html() {
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>")
                .append(TERM).append(" ประจำปีงบประมาณ พ.ศ. 2569</title><style>body{font-family:sans-serif}</style>"
                        + "<script>var menu=[1,2,3];</script></head><body><nav>");
        for (int i = 0; i < 60; i++) {
            s.append("<a href=\"/menu/").append(i).append("\">เมนูหน่วยงาน ").append(i).append("</a> ");
        }
        s.append("</nav><h1>").append(TERM).append("</h1><table>");
        for (int i = 0; s.length() < 81_000; i++) {
            s.append("<tr><td>").append(i + 1).append("</td><td>").append(SENTENCE).append("</td><td>๑๐,๐๐๐ บาท</td></tr>");
        }
        return s.append("</table></body></html>").toString().getBytes(UTF_8);
    }

    static byte[] pdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font font = new Font(BaseFont.createFont("fonts/sarabun/Sarabun_400Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED), 14);
        Random random = new Random(14);
        for (int page = 0; page < 20; page++) {
            doc.add(new Paragraph(TERM + " หน้า " + (page + 1), font));
            doc.add(new Paragraph(SENTENCE.repeat(12), font));
            BufferedImage photo = new BufferedImage(200, 170, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 170; y++) {
                for (int x = 0; x < 200; x++) {
                    photo.setRGB(x, y, random.nextInt(0xffffff));
                }
            }
            doc.add(Image.getInstance(photo, null));
            doc.newPage();
        }
        doc.close();
        return out.toByteArray();
    }
}
