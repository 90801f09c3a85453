package org.openita.server.oit.internal.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PeriodRule;
import org.openita.core.framework.Provenance;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;
import org.openita.server.oit.internal.fetch.Findings.Warning;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pre-check over generated files of each kind, with the application's own Thai and English messages. */
class TextPrecheckerTest {

    private static final String TERM = "แผนปฏิบัติการป้องกันการทุจริต";
    private static final FiscalYear YEAR = FiscalYear.of(2569);
    private static final OitItem O1 = item(PeriodRule.CURRENT_FISCAL_YEAR, List.of(TERM, "แผนป้องกันการทุจริต"));
    private static final String SITE = "https://www.example.go.th/";

    private final TextPrechecker checker = new TextPrechecker(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static OitItem item(PeriodRule period, List<String> terms) {
        return new OitItem("o30", "5.1", 9, LocalizedText.of("แผนปฏิบัติการป้องกันการทุจริต", "Anti-corruption plan"), period,
                List.of(), terms, Provenance.UNSTATED);
    }

    private static Fetched ok(String url, String type, byte[] body) {
        return new Fetched(URI.create(url), URI.create(url), Outcome.OK, 200, type, body, null, Duration.ofMillis(5));
    }

    private static String thaiPage(String year) {
        return "<html><head><title>" + TERM + " ประจำปีงบประมาณ พ.ศ. " + year + "</title></head><body><h1>" + TERM
                + "</h1><p>ประจำปีงบประมาณ " + year + " ของสำนักงาน</p></body></html>";
    }

    private static List<String> codes(Findings f) {
        return f.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void aGoodThaiPageHasNoWarningAtAll() {
        Findings f = checker.check(ok("https://www.example.go.th/ita/o30.html", "text/html",
                thaiPage("2569").getBytes(UTF_8)), SITE, YEAR, O1);
        assertThat(f.warnings()).isEmpty();
        assertThat(f.onAgencyDomain()).isTrue();
        assertThat(f.title()).isEqualTo(TERM + " ประจำปีงบประมาณ พ.ศ. 2569");
        assertThat(f.yearsFound()).containsExactly(2569);
        assertThat(f.termsFound()).containsExactly(TERM);
    }

    @Test
    void aTis620PageWithThaiDigitsIsReadInItsOwnCharset() {
        String html = thaiPage("๒๕๖๙").replace("<head>", "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=tis-620\">");
        byte[] tis = html.getBytes(Charset.forName("TIS-620"));
        Findings declared = checker.check(ok("http://example.go.th/o30", "text/html", tis), SITE, YEAR, O1);
        assertThat(declared.warnings()).isEmpty();
        assertThat(declared.yearsFound()).containsExactly(2569);
        assertThat(declared.title()).startsWith(TERM);

        // no meta, no charset the pre-check can see: bytes that are not UTF-8 are read as windows-874
        byte[] bare = thaiPage("2569").getBytes(Charset.forName("x-windows-874"));
        Findings undeclared = checker.check(ok("http://example.go.th/o30", "text/html", bare), SITE, YEAR, O1);
        assertThat(undeclared.termsFound()).containsExactly(TERM);
        assertThat(undeclared.warnings()).isEmpty();
    }

    @Test
    void aDocumentOf2567ForA2569ItemSaysWhichYearItIs() {
        Findings f = checker.check(ok("https://example.go.th/a.html", "text/html", thaiPage("2567").getBytes(UTF_8)),
                SITE, YEAR, O1);
        assertThat(codes(f)).containsExactly("other-year");
        assertThat(f.warnings().get(0).th()).isEqualTo("เอกสารนี้น่าจะเป็นข้อมูลของปี 2567 แต่ข้อนี้ต้องใช้ข้อมูลของปี 2569");
        assertThat(f.warnings().get(0).en()).contains("2567").contains("2569");
    }

    @Test
    void aPreviousYearItemExpectsTheYearBefore() {
        OitItem lastYear = item(PeriodRule.PREVIOUS_FISCAL_YEAR, List.of(TERM));
        Findings f = checker.check(ok("https://example.go.th/a.html", "text/html", thaiPage("2568").getBytes(UTF_8)),
                SITE, YEAR, lastYear);
        assertThat(f.warnings()).isEmpty();
        assertThat(TextPrechecker.expectedYear(PeriodRule.FIRST_HALF_OF_FISCAL_YEAR, YEAR)).isEqualTo(YEAR);
    }

    @Test
    void christianEraYearsAreConvertedAndTheMostMentionedComesFirst() {
        assertThat(ThaiText.years("รายงาน ค.ศ. 2026 และปี 2026 เทียบกับ พ.ศ. ๒๕๖๗ งบ 2,568 บาท 12568"))
                .containsExactly(2569, 2567);
        assertThat(ThaiText.years("ไม่มีปี")).isEmpty();
    }

    @Test
    void amountsFarFromTheExpectedYearAreNotTakenForYears() {
        Findings f = checker.check(ok("https://example.go.th/o30.txt", "text/plain",
                (TERM + " ค่าใช้จ่าย 2000 บาท ค่าวัสดุ 2500 บาท").getBytes(UTF_8)), SITE, YEAR, O1);
        assertThat(f.yearsFound()).isEmpty();
        assertThat(codes(f)).containsExactly("no-year");
    }

    @Test
    void aPageWithoutAnyKeyTermNamesTheFirstTerm() {
        String html = "<html><body><p>ข่าวประชาสัมพันธ์ ปีงบประมาณ 2569</p></body></html>";
        Findings f = checker.check(ok("https://example.go.th/news", "text/html", html.getBytes(UTF_8)), SITE, YEAR, O1);
        assertThat(codes(f)).containsExactly("no-key-term");
        assertThat(f.warnings().get(0).th()).isEqualTo("ไม่พบคำว่า “" + TERM + "”");
    }

    @Test
    void aPageOnAnotherDomainNamesBothHosts() {
        Findings f = checker.check(ok("https://drive.example.com/file/o30.html", "text/html",
                thaiPage("2569").getBytes(UTF_8)), "example.go.th", YEAR, O1);
        assertThat(f.onAgencyDomain()).isFalse();
        assertThat(codes(f)).containsExactly("other-domain");
        assertThat(f.warnings().get(0).th()).contains("drive.example.com").contains("example.go.th");
        assertThat(checker.check(ok("https://ita.example.go.th/o30", "text/html", thaiPage("2569").getBytes(UTF_8)),
                "www.example.go.th", YEAR, O1).onAgencyDomain()).isTrue();
        assertThat(checker.check(ok("https://notexample.go.th/o30", "text/html", thaiPage("2569").getBytes(UTF_8)),
                "example.go.th", YEAR, O1).onAgencyDomain()).isFalse();
        assertThat(checker.check(ok("https://example.go.th/o30", "text/html", thaiPage("2569").getBytes(UTF_8)),
                null, YEAR, O1).onAgencyDomain()).isNull();
    }

    @Test
    void aPdfMadeWithOpenPdfIsRead() throws Exception {
        Findings f = checker.check(ok("https://example.go.th/o30.pdf", "application/pdf",
                pdf(TERM + " ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")), SITE, YEAR, O1);
        assertThat(f.warnings()).isEmpty();
        assertThat(f.yearsFound()).containsExactly(2569);
        assertThat(f.termsFound()).contains(TERM);
    }

    @Test
    void aPdfWithoutTextSaysNoTextCouldBeRead() throws Exception {
        Findings f = checker.check(ok("https://example.go.th/scan.pdf", "application/pdf", pdf(null)), SITE, YEAR, O1);
        assertThat(codes(f)).containsExactly("no-text");
        assertThat(f.warnings().get(0).th()).contains("สแกน");
    }

    @Test
    void docxAndXlsxMadeWithPoiAreRead() throws Exception {
        Findings docx = checker.check(ok("https://example.go.th/o30.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx(TERM, "ประจำปีงบประมาณ พ.ศ. 2569")), SITE, YEAR, O1);
        assertThat(docx.warnings()).isEmpty();
        assertThat(docx.title()).isEqualTo("แผน 2569");

        Findings xlsx = checker.check(ok("https://example.go.th/o30.xlsx", "application/octet-stream",
                xlsx(TERM, "ปีงบประมาณ ๒๕๖๙")), SITE, YEAR, O1);
        assertThat(xlsx.warnings()).isEmpty();
        assertThat(xlsx.yearsFound()).containsExactly(2569);
    }

    @Test
    void aZipBombGivesNoText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 210; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);
        Findings f = checker.check(ok("https://example.go.th/bomb.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", out.toByteArray()), SITE, YEAR, O1);
        assertThat(codes(f)).containsExactly("no-text");
    }

    @Test
    void theInflatedSizeIsCountedAsReadNotAsTheZipDeclaresIt() throws IOException {
        byte[] docx = docx(TERM, "ปี 2569 ".repeat(50_000));
        assertThat(ZipBudget.within(docx)).isTrue();
        assertThat(ZipBudget.within(docx, 100_000)).isFalse();
        assertThat(ZipBudget.within("not a zip".getBytes(UTF_8))).isFalse();
    }

    @Test
    void keyTermsMatchWhateverTheDigitsSpacesAndSaraAmOfTheText() {
        // PDF text extraction splits ำ into ํ + า and puts spaces between words
        String extracted = "แผนปฏิบัติการ ป้องกันการทุจริต ดํา เนินการ ๒๕๖๙";
        assertThat(ThaiText.forMatching(extracted)).contains(ThaiText.forMatching(TERM)).contains("ดำเนินการ2569");
    }

    @Test
    void plainTextAndUnknownKinds() {
        Findings text = checker.check(ok("https://example.go.th/o30.txt", "text/plain",
                (TERM + " ปี 2569").getBytes(UTF_8)), SITE, YEAR, O1);
        assertThat(text.warnings()).isEmpty();
        Findings image = checker.check(ok("https://example.go.th/o30.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                SITE, YEAR, O1);
        assertThat(codes(image)).containsExactly("unsupported-type");
        Findings noYear = checker.check(ok("https://example.go.th/o30.txt", "text/plain", TERM.getBytes(UTF_8)), SITE, YEAR, O1);
        assertThat(codes(noYear)).containsExactly("no-year");
    }

    @Test
    void eachFetchFailureHasItsOwnPlainWarning() {
        assertThat(codes(checker.check(failed(Outcome.HTTP_ERROR, 404), SITE, YEAR, O1))).containsExactly("not-found");
        assertThat(codes(checker.check(failed(Outcome.HTTP_ERROR, 410), SITE, YEAR, O1))).containsExactly("not-found");
        assertThat(checker.check(failed(Outcome.HTTP_ERROR, 503), SITE, YEAR, O1).warnings().get(0))
                .satisfies(w -> {
                    assertThat(w.code()).isEqualTo("http-error");
                    assertThat(w.th()).contains("503");
                    assertThat(w.en()).contains("503");
                });
        assertThat(codes(checker.check(failed(Outcome.TIMEOUT, 0), SITE, YEAR, O1))).containsExactly("unreachable");
        assertThat(codes(checker.check(failed(Outcome.UNKNOWN_HOST, 0), SITE, YEAR, O1))).containsExactly("unreachable");
        assertThat(codes(checker.check(failed(Outcome.UNREACHABLE, 0), SITE, YEAR, O1))).containsExactly("unreachable");
        assertThat(codes(checker.check(failed(Outcome.UNSAFE_ADDRESS, 0), SITE, YEAR, O1))).containsExactly("unsafe-address");
        assertThat(codes(checker.check(failed(Outcome.TOO_LARGE, 200), SITE, YEAR, O1))).containsExactly("too-large");
        assertThat(codes(checker.check(failed(Outcome.NOT_ALLOWED_SCHEME, 0), SITE, YEAR, O1))).containsExactly("not-http");
        assertThat(codes(checker.check(failed(Outcome.TOO_MANY_REDIRECTS, 0), SITE, YEAR, O1)))
                .containsExactly("too-many-redirects");
    }

    private static Fetched failed(Outcome outcome, int status) {
        URI link = URI.create("https://example.go.th/x");
        return new Fetched(link, status == 0 ? null : link, outcome, status, null, new byte[0], "test", Duration.ZERO);
    }

    static byte[] pdf(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        if (text == null) {
            // a page with a picture and no text, as a scan would be
            writer.getDirectContent().rectangle(100, 100, 200, 300);
            writer.getDirectContent().fill();
        } else {
            BaseFont base = BaseFont.createFont("fonts/sarabun/Sarabun_400Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            doc.add(new Paragraph(text, new Font(base, 16)));
        }
        doc.close();
        return out.toByteArray();
    }

    static byte[] docx(String heading, String body) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(heading);
            doc.createParagraph().createRun().setText(body);
            doc.getProperties().getCoreProperties().setTitle("แผน 2569");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String a1, String a2) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("แผน");
            sheet.createRow(0).createCell(0).setCellValue(a1);
            sheet.createRow(1).createCell(0).setCellValue(a2);
            book.write(out);
            return out.toByteArray();
        }
    }
}
