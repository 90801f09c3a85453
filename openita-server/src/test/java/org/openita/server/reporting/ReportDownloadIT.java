package org.openita.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo agency's report downloads from the server in all three formats. */
class ReportDownloadIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pdfDownloads() throws Exception {
        HttpResponse<byte[]> r = get("/demo/report.pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition")).get().asString().contains("attachment", "ita-2568-analysis-report.pdf");
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void docxDownloadsAndOpens() throws Exception {
        HttpResponse<byte[]> r = get("/demo/report.docx");
        assertThat(r.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            assertThat(doc.getParagraphs()).anySatisfy(p -> assertThat(p.getText()).contains("องค์การบริหารส่วนตำบลสมเด็จ"));
        }
    }

    @Test
    void htmlOpensInTheBrowserWithItsOwnStrictPolicy() throws Exception {
        HttpResponse<byte[]> r = get("/demo/report.html?digits=arabic");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Content-Security-Policy")).containsExactly(org.openita.server.web.ReportDownload.HTML_REPORT_POLICY);
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"th\">", "99.17", "สมเด็จ").doesNotContain("<script");
    }

    @Test
    void unknownFormatsAreNotFound() throws Exception {
        assertThat(get("/demo/report.xls").statusCode()).isIn(302, 403, 404);
    }
}
