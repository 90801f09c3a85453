package org.openita.server.reporting;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Signatory;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyReportDetails;
import org.openita.server.agency.Logos;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The logo and sign-off entered on the agency page reach the agency's analysis report and its public copy: the PDF
 * has the logo as an image on page 1, the DOCX has it as a picture, and the analysis handed to the renderers carries
 * the sign-off.
 */
class AgencyReportLogoAndSignOffIT extends ServerTestSupport {

    /** This test's own agency with 2568 results, and its administrator. */
    String code;
    RequestPostProcessor admin;
    static final List<Signatory> SIGN_OFF = List.of(
            new Signatory(Signatory.Role.PREPARED, "นางสาวรายงาน ถูกต้อง", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
            new Signatory(Signatory.Role.REVIEWED, null, "ปลัดองค์การบริหารส่วนตำบลรายงาน"),
            new Signatory(Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบลรายงาน"));

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    AgencyReportDetails details;
    @Autowired
    AnalysisReports reports;
    @Autowired
    UserAccounts accounts;
    @Autowired
    org.openita.server.results.ResultImports imports;
    @Autowired
    org.openita.server.measures.MeasurePlans plans;

    @BeforeEach
    void anAgencyWithResults() {
        code = fixtures.agency().named("องค์การบริหารส่วนตำบลรายงาน").create().code().value();
        fixtures.officialResults(code, 2568).scoring(91.5).create();
        admin = fixtures.person(Role.AGENCY_ADMIN).of(code).named("ผู้ดูแลรายงาน").create().signedIn();
    }

    private byte[] download(String path, RequestPostProcessor who) throws Exception {
        var r = mvc.perform(who == null ? get(path) : get(path).with(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsByteArray();
    }

    /** The widths of the images drawn on the PDF's first page (its cover). */
    private static List<Integer> coverImageWidths(byte[] pdf) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources res = doc.getPage(0).getResources();
            for (COSName name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof PDImageXObject image) {
                    out.add(image.getWidth());
                }
            }
        }
        return out;
    }

    @Test
    void theAgencysReportCarriesItsLogoAndSignOffAndThePublicCopyToo() throws Exception {
        String pdfPath = "/agency/" + code + "/results/2568/report.pdf";
        assertThat(coverImageWidths(download(pdfPath, admin))).as("no logo yet: no image on the cover").isEmpty();

        details.storeLogo("test", AgencyCode.of(code), new ByteArrayInputStream(Logos.png(900, 600)));
        details.storeSignOff("test", AgencyCode.of(code), SIGN_OFF);
        byte[] stored = details.logo(AgencyCode.of(code)).orElseThrow();

        assertThat(coverImageWidths(download(pdfPath, admin))).as("the logo (and its transparency mask)").isNotEmpty().containsOnly(600);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download("/agency/" + code + "/results/2568/report.docx", admin)))) {
            assertThat(docx.getAllPictures()).extracting(XWPFPictureData::getData).anySatisfy(d -> assertThat(d).isEqualTo(stored));
        }
        AnalysisReports.Document own = reports.agencyDocument(AgencyCode.of(code), FiscalYear.of(2568), "thai").orElseThrow();
        assertThat(own.options().logo()).isEqualTo(stored);
        assertThat(own.analysis().agency().signOff()).isEqualTo(SIGN_OFF);
        assertThat(own.analysis().agency().name()).isEqualTo("องค์การบริหารส่วนตำบลรายงาน");

        plans.plan(AgencyCode.of(code), FiscalYear.of(2568));
        publications.publish("test", AgencyCode.of(code), FiscalYear.of(2568));
        assertThat(coverImageWidths(download("/public/" + code + "/2568/report.pdf", null))).isNotEmpty().containsOnly(600);
        AnalysisReports.Document shown = reports.publicDocument(own.analysis(), false, AgencyCode.of(code), "thai");
        assertThat(shown.options().publicCopy()).isTrue();
        assertThat(shown.options().logo()).isEqualTo(stored);
        assertThat(shown.analysis().agency().signOff()).as("names the agency chose to print are in its published report").isEqualTo(SIGN_OFF);

        details.removeLogo("test", AgencyCode.of(code));
        assertThat(coverImageWidths(download(pdfPath, admin))).isEmpty();
    }
}
