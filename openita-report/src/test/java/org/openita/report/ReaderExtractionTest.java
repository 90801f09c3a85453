package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The demo agency's PDF read by the two text extractors most people meet besides poppler, neither of which uses
 * /ActualText: pdf.js (Firefox's viewer and many web viewers; Debian's libjs-pdf, run in headless Chromium) and
 * pdfminer.six (its pdf2txt command, with its default layout analysis). Every Thai word must come back as the HTML
 * report has it, with no mark cut from its letter.
 */
class ReaderExtractionTest {

    static final Path PDF2TXT = Path.of("/usr/bin/pdf2txt");
    static final Path PDFJS = Path.of("/usr/share/javascript/pdf");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A Thai vowel or tone mark that sits on a letter: no word or line starts with one. */
    static final Pattern MARK_AFTER_BREAK = Pattern.compile("(^|\\s)[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]", Pattern.MULTILINE);

    static Path pdf;
    static String htmlText;
    static Set<String> htmlWords;

    @BeforeAll
    static void render() throws Exception {
        byte[] bytes = PdfRenderer.renderRepaired(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI).pdf();
        Path dir = Files.createDirectories(Path.of("target", "samples", "readers"));
        pdf = dir.resolve("samdet-2568.pdf");
        Files.write(pdf, bytes);
        htmlText = HtmlRenderer.render(SamdetReport.document(DigitStyle.THAI))
                .replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", "\n")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        htmlWords = PdfBoxTextTest.thaiWords(htmlText);
    }

    @Test
    void pdfminerReadsEveryThaiWordWhole() throws Exception {
        ExternalTools.require(PDF2TXT);
        String text = ExternalTools.run(List.of(PDF2TXT.toString(), pdf.toAbsolutePath().toString()), null);
        Files.writeString(pdf.resolveSibling("pdfminer.txt"), text);
        assertThat(text).doesNotContain("(cid:").doesNotContain("\u0000").doesNotContain("\u0E4D\u0E32");
        assertThat(MARK_AFTER_BREAK.matcher(text).results().map(m -> around(text, m.start())).toList())
                .as("marks cut from their letters").isEmpty();
        assertSameWords(PdfBoxTextTest.thaiWords(text), htmlWords);
    }

    /**
     * pdf.js puts some characters through its own compatibility table before it hands text out (ำ becomes ํ + า in
     * the pdf.js Debian ships, whatever the PDF says): whole texts are compared after NFKC, the normalisation that
     * table follows, and words with ำ put back.
     */
    @Test
    void pdfJsReadsEveryThaiWordWhole() throws Exception {
        ExternalTools.requireFile(PDFJS.resolve("build/pdf.js"));
        ExternalTools.require(ExternalTools.CHROMIUM);
        ExternalTools.require(CHROMEDRIVER);
        String text = pdfJsText(Files.readAllBytes(pdf));
        Files.writeString(pdf.resolveSibling("pdfjs.txt"), text);
        assertThat(text).doesNotStartWith("ERR").contains("รายงานการวิเคราะห์ผลการประเมิน");
        assertThat(MARK_AFTER_BREAK.matcher(text).results().map(m -> around(text, m.start())).toList())
                .as("marks cut from their letters").isEmpty();
        assertThat(missingHtmlTexts(true, text)).as("texts of the HTML report not found in pdf.js's text").isEmpty();
        // pdf.js's table turns every ำ into ํ + า; with ำ put back, its words are the HTML report's, no word cut in two
        assertSameWords(PdfBoxTextTest.thaiWords(text.replace("\u0E4D\u0E32", "\u0E33")), htmlWords);
    }

    /**
     * Every text of the HTML report (each paragraph, heading and table cell) comes back letter for letter from
     * pdfminer: in content-stream order (no layout analysis), which keeps each table cell whole, or in its reading
     * order by position, which keeps a paragraph whole where a table on the same page was written out of order.
     */
    @Test
    void everyTextOfTheHtmlReportComesBackWholeFromPdfminer() throws Exception {
        ExternalTools.require(PDF2TXT);
        String file = pdf.toAbsolutePath().toString();
        String stream = squeeze(ExternalTools.run(List.of(PDF2TXT.toString(), "-n", file), null));
        String layout = squeeze(ExternalTools.run(List.of(PDF2TXT.toString(), file), null));
        assertThat(missingHtmlTexts(false, stream, layout)).as("texts of the HTML report not found in pdfminer's text").isEmpty();
    }

    /**
     * The texts (paragraphs, headings, table cells) of the HTML report that none of the readings holds whole, white
     * space aside; with {@code nfkc} both sides are compared after NFKC.
     */
    private static List<String> missingHtmlTexts(boolean nfkc, String... readings) throws Exception {
        List<String> squeezed = java.util.Arrays.stream(readings).map(r -> squeeze(nfkc ? Normalizer.normalize(r, Normalizer.Form.NFKC) : r)).toList();
        String html = HtmlRenderer.render(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI);
        String body = html.substring(html.indexOf("<body>")).replace("<span class=\"w\">", "").replace("</span>", "");
        java.util.regex.Matcher m = Pattern.compile(">([^<]+)<").matcher(body);
        List<String> missing = new java.util.ArrayList<>();
        int checked = 0;
        while (m.find()) {
            String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", "");
            if (text.isEmpty() || text.equals("■")) {
                continue;
            }
            checked++;
            String wanted = nfkc ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
            if (squeezed.stream().noneMatch(r -> r.contains(wanted))) {
                missing.add(text);
            }
        }
        assertThat(checked).isGreaterThan(200);
        return missing;
    }

    /** Without page numbers and white space, so a text broken over lines or pages still matches. */
    private static String squeeze(String text) {
        return text.replaceAll("(?m)^-\\s*[๐-๙]+\\s*-$", "").replaceAll("\\s+", "");
    }

    private static void assertSameWords(Set<String> read, Set<String> expected) {
        assertThat(read.size()).isGreaterThan(300);
        Set<String> extra = new TreeSet<>(read);
        extra.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(read);
        assertThat(extra).as("Thai words read from the PDF that the HTML report does not have").isEmpty();
        assertThat(missing).as("Thai words of the HTML report not read from the PDF").isEmpty();
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 12), Math.min(text.length(), at + 12));
    }

    /** Serves pdf.js and the PDF on the loopback interface and asks pdf.js, in Chromium, for every page's text. */
    static String pdfJsText(byte[] pdfBytes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/")) {
                body = PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else if (path.equals("/report.pdf")) {
                body = pdfBytes;
                type = "application/pdf";
            } else if (path.matches("/pdfjs/build/[a-z.]+\\.js")) {
                body = Files.readAllBytes(PDFJS.resolve(path.substring("/pdfjs/".length())));
                type = "text/javascript";
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(ExternalTools.CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("openita-pdfjs"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        try {
            driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            Object text = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "window.extract('report.pdf').then(done, e => done('ERR ' + e));");
            return String.valueOf(text);
        } finally {
            driver.quit();
            server.stop(0);
        }
    }

    /** pdf.js's own API: each text item, with a line break where pdf.js ends a line. */
    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>pdf.js</title>
            <script src="pdfjs/build/pdf.js"></script>
            <script>
            pdfjsLib.GlobalWorkerOptions.workerSrc = 'pdfjs/build/pdf.worker.js';
            window.extract = async (url) => {
              const doc = await pdfjsLib.getDocument({url: url, isEvalSupported: false}).promise;
              const pages = [];
              for (let p = 1; p <= doc.numPages; p++) {
                const content = await (await doc.getPage(p)).getTextContent();
                pages.push(content.items.map(i => i.str + (i.hasEOL ? '\\n' : '')).join(''));
              }
              return pages.join('\\n\\f\\n');
            };
            </script>
            """;
}
