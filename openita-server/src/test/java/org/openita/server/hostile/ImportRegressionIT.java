package org.openita.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.web.MediaTypes;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad files the bad-input suite found mishandled, each made small and kept as a test of its own; the comment
 * on each says which generated input found it (seed 20261124 unless said).
 */
class ImportRegressionIT extends HostileTestSupport {

    static final String CODE = "HOST-Q01";
    static final String NAME = "องค์การบริหารส่วนตำบลทดสอบถดถอย";
    static String token;


    @BeforeEach
    void anAgencyAndAToken() throws Exception {
        if (token == null) {
            registry.importFile("test", "q.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + CODE + "," + NAME + ",อบต.\n")
                    .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
            accounts.create("test", "hostile-regress", "ผู้ดูแลส่วนกลาง", Role.CENTRAL_ADMIN, "irrelevant-pass-2569", false);
            token = tokens.create("hostile-regress", "regress");
        }
    }

    private OfficialResults.Report results(String format, byte[] bytes) throws Exception {
        return imports.run("hostile-regress", ResultFile.Format.valueOf(format), new ByteArrayInputStream(bytes), c -> true);
    }

    private HttpResponse<String> api(String type, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/results"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** results-csv clean case: every cell quoted, a BOM in front; the first header was read as "\"รหัสหน่วยงาน\"" and refused. */
    @Test
    void aQuotedFirstHeaderAfterAByteOrderMarkIsRead() throws Exception {
        byte[] csv = ("\uFEFF\"รหัสหน่วยงาน\",\"ปีงบประมาณ\",\"คะแนนรวม\"\r\n\"" + CODE + "\",\"2568\",\"90.5\"\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(results("CSV", csv).problems()).isEmpty();
    }

    /**
     * Bytes that are not UTF-8 were read as U+FFFD and stored: a registry saved as Thai "ANSI" with English headers. Since
     * issue 11 such a file is read as Windows-874, every Thai character intact; bytes that are neither are still refused.
     */
    @Test
    void aCsvFileSavedAsThaiAnsiIsReadAsWindows874NotStoredAsReplacementCharacters() throws Exception {
        byte[] csv = ("code,name_th,type\nHOST-Q02,เทศบาลตำบลอักขระเพี้ยน,SUBDISTRICT_MUNICIPALITY\n").getBytes(Charset.forName("x-windows-874"));
        AgencyRegistry.ImportReport r = registry.importFile("test", "ansi.csv", new ByteArrayInputStream(csv), AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(r.applied()).isTrue();
        assertThat(r.encoding()).isEqualTo("windows-874");
        assertThat(registry.find(AgencyCode.of("HOST-Q02"))).get().satisfies(a -> assertThat(a.nameTh()).isEqualTo("เทศบาลตำบลอักขระเพี้ยน"));

        byte[] neither = Bytes.concat(csv, ("HOST-Q05,เทศบาลตำบล").getBytes(Charset.forName("x-windows-874")));
        byte[] spoiled = Bytes.concat(neither, new byte[] {(byte) 0xDB, ',', 'x', '\n'});
        assertThatThrownBy(() -> registry.importFile("test", "ansi.csv", new ByteArrayInputStream(spoiled), AgencyRegistry.Mode.ALL_OR_NOTHING))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("neither UTF-8 nor Windows-874").hasMessageContaining("Excel template")
                .satisfies(e -> assertThat(((UnreadableFileException) e).th()).contains("Windows-874"));
        assertThat(registry.find(AgencyCode.of("HOST-Q05"))).isEmpty();
    }

    /** results-csv #15 and others: U+000C at the end of a cell was trimmed away and the file accepted. */
    @Test
    void aControlCharacterAtTheEdgeOfACellIsReportedNotTrimmedAway() throws Exception {
        OfficialResults.Report r = results("CSV", ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + CODE + ",2568,88.5\u000C\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.en()).contains("U+000C"));
        assertThat(results("CSV", ("รหัสหน่วยงาน\u000B,ปีงบประมาณ\n" + CODE + ",2568\n").getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
        AgencyRegistry.ImportReport g = registry.importFile("test", "edge.csv", new ByteArrayInputStream(
                ("code,name_th,type\nHOST-Q03,\u001Fเทศบาลตำบลขอบ,SUBDISTRICT_MUNICIPALITY\n").getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(g.applied()).isFalse();
        assertThat(g.problems()).singleElement().satisfies(p -> assertThat(p.en()).contains("U+001F"));
    }

    /**
     * results-json #714, #719, #916 (harness): bytes C0 80, E0 80 80, C1 BF, F4 90 80 80 in a field name; Jackson's decoder
     * read the overlong forms (C0 80 as U+0000), the field went unread and the file was accepted.
     */
    @Test
    void aJsonFileWithBytesThatAreNotUtf8IsRefused() throws Exception {
        byte[] head = ("[{\"agencyCode\":\"" + CODE + "\",\"year\":2568,\"overall\":90,\"indi").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "cators\":{\"1\":80}}]".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
            assertThatThrownBy(() -> results("JSON", Bytes.concat(Bytes.concat(head, bad), tail))).as(Bytes.hex(bad))
                    .isInstanceOf(ResultImports.FailedException.class).hasMessageContaining("JSON file is not UTF-8").hasMessageNotContaining("CSV");
        }
        // JSON is UTF-8 (RFC 8259); a UTF-8 byte-order mark is tolerated
        assertThat(results("JSON", Bytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Bytes.concat(head, tail))).ok()).isTrue();
        assertThatThrownBy(() -> results("JSON", new String(Bytes.concat(head, tail), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)))
                .isInstanceOf(ResultImports.FailedException.class);
    }

    /** registry-csv #3668 (harness): a column named twice; the cells of the first, U+0007 among them, were dropped unread. */
    @Test
    void aRegistryColumnNamedTwiceIsRefusedNotHalfRead() throws Exception {
        AgencyRegistry.ImportReport r = registry.importFile("test", "twice.csv", new ByteArrayInputStream(
                ("รหัสหน่วยงาน,ชื่อหน่วยงาน,จังหวัด,ประเภทหน่วยงาน,จังหวัด\nHOST-Q04,เทศบาลตำบลสองคอลัมน์,กาฬ\u0007สินธุ์,เทศบาลตำบล,ขอนแก่น\n")
                        .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(r.applied()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.en()).contains("appears twice"));
        assertThat(registry.find(AgencyCode.of("HOST-Q04"))).isEmpty();
    }

    private static byte[] workbook(String sheetXml) {
        Map<String, byte[]> parts = Xlsx.parts(List.of(List.of("รหัสหน่วยงาน", "ปีงบประมาณ"), List.of(CODE, "2568")), new SplittableRandom(3), new StringBuilder());
        parts.put(Xlsx.SHEET, Xlsx.utf8(sheetXml));
        return Xlsx.zip(parts).bytes();
    }

    private static String sheet(String cells) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + Xlsx.MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>รหัสหน่วยงาน</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>ปีงบประมาณ</t></is></c></row>"
                + "<row r=\"2\">" + cells + "</row></sheetData></worksheet>";
    }

    private void unreadableWorkbook(byte[] xlsx) throws Exception {
        HttpResponse<String> r = api(MediaTypes.XLSX, xlsx);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"code\":\"unreadable-file\"", "XLSX");
    }

    /** results-xlsx #45: 71,114 nested elements compress past POI's own zip-bomb ratio; its IOException was a 500. */
    @Test
    void aWorkbookThatCompressesPastPoisRatioIsUnreadableNotAServerFault() throws Exception {
        unreadableWorkbook(workbook(sheet("<c r=\"A2\" t=\"inlineStr\"><is><t>" + CODE + "</t></is></c>" + "<x>".repeat(70_000) + "</x>".repeat(70_000))));
    }

    /** results-xlsx #82: a cell pointing at shared string -1; POI's IndexOutOfBoundsException was a 500. */
    @Test
    void aSharedStringThatDoesNotExistIsUnreadableNotAServerFault() throws Exception {
        Map<String, byte[]> parts = Xlsx.parts(List.of(List.of("รหัสหน่วยงาน"), List.of(CODE)), new SplittableRandom(2), new StringBuilder());
        String withStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + Xlsx.MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>-1</v></c></row></sheetData></worksheet>";
        parts.put(Xlsx.SHEET, Xlsx.utf8(withStrings));
        parts.put(Xlsx.STRINGS, Xlsx.utf8("<?xml version=\"1.0\"?><sst xmlns=\"" + Xlsx.MAIN + "\"><si><t>a</t></si></sst>"));
        parts.put(Xlsx.CONTENT_TYPES, Xlsx.utf8(Xlsx.contentTypes(true, parts.containsKey(Xlsx.STYLES))));
        parts.put(Xlsx.WORKBOOK_RELS, Xlsx.utf8(Xlsx.workbookRels(true, parts.containsKey(Xlsx.STYLES))));
        unreadableWorkbook(Xlsx.zip(parts).bytes());
    }

    /** results-xlsx #151 and #248: a styles part of random bytes or with a tag unclosed; POI's IOException was a 500. */
    @Test
    void aStylesPartThatIsNotXmlIsUnreadableNotAServerFault() throws Exception {
        Map<String, byte[]> parts = Xlsx.parts(List.of(List.of("รหัสหน่วยงาน"), List.of(CODE)), new SplittableRandom(1), new StringBuilder());
        parts.put(Xlsx.STYLES, Xlsx.utf8("<?xml version=\"1.0\"?><styleSheet xmlns=\"" + Xlsx.MAIN + "\"><fonts count=\"1\"><font/>"));
        parts.put(Xlsx.CONTENT_TYPES, Xlsx.utf8(Xlsx.contentTypes(parts.containsKey(Xlsx.STRINGS), true)));
        parts.put(Xlsx.WORKBOOK_RELS, Xlsx.utf8(Xlsx.workbookRels(parts.containsKey(Xlsx.STRINGS), true)));
        unreadableWorkbook(Xlsx.zip(parts).bytes());
    }

    /** results-json "[null]", "[1,2,3]", "an array as result 2", 103,856 nested arrays: the import stopped there and was accepted. */
    @Test
    void aJsonArrayItemThatIsNotAResultRefusesTheWholeFile() throws Exception {
        String good = "{\"agencyCode\":\"" + CODE + "\",\"year\":2568,\"overall\":91}";
        for (String doc : List.of("[" + good + ", 5, " + good + "]", "[null]", "[1,2,3]", "[" + good + ", [" + good + "]]", "[".repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> results("JSON", doc.getBytes(StandardCharsets.UTF_8))).as(doc)
                    .isInstanceOf(ResultImports.FailedException.class).hasMessageContaining("is not a result");
        }
    }

    /** results-csv #35, #75, results-json #133, #152: a 400-character score or level was repeated in the problem, 300 characters of it. */
    @Test
    void aProblemQuotesAtMostFortyCharactersOfALongValue() throws Exception {
        String level = "ระดับ" + "ก".repeat(400);
        String overall = "x".repeat(450);
        OfficialResults.Report r = results("CSV", ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน\n" + CODE + ",2568," + overall + "," + level + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(Leaks.sharedRun(p.en(), level + overall, 41)).isNegative();
            assertThat(Leaks.sharedRun(p.th(), level + overall, 41)).isNegative();
        });
    }

    /** registry endpoint #8: a 304-character file name was shown in full on the import page. */
    @Test
    void theRegistryPageShowsALongFileNameShortenedAndNoEmptyProblemTable() throws Exception {
        String name = "ทะเบียน" + "a".repeat(300) + ".csv";
        String page = mvc.perform(multipart("/agencies/import").file(new MockMultipartFile("file", name, "text/csv",
                        ("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + CODE + "," + NAME + ",อบต.\n").getBytes(StandardCharsets.UTF_8)))
                        .with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"import-summary\"").doesNotContain("a".repeat(61)).doesNotContain("data-testid=\"import-problems\"");
    }

    /** The JSON of one result as openita score writes it, for the tests above. */
    static Map<String, Object> result(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agencyCode", code);
        m.put("year", 2568);
        m.put("overall", 90.0);
        return m;
    }

    @Test
    void aValidJsonArrayIsStillAccepted() throws Exception {
        List<Object> doc = new ArrayList<>(List.of(result(CODE)));
        assertThat(results("JSON", JsonMapper.builder().build().writeValueAsBytes(doc)).ok()).isTrue();
    }
}
