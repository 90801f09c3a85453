package org.openita.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.ImportProblem;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.upload.UnreadableFileException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated bad registry files, CSV and XLSX, each through {@link AgencyRegistry#importFile} (all or nothing; or,
 * one time in four, valid rows only inside a transaction that is rolled back) and through the import page (POST
 * /agencies/import over HTTP, signed in as a central administrator): every one refused with an unreadable-file reason or a report of
 * problems, in Thai and English, without leaking anything, the registry unchanged. See docs/security.md.
 */
class RegistryImportHostileIT extends ServerTestSupport {

    static final String TEST = "RegistryImportHostileIT";
    static final int AGENCIES = 6;
    static final List<String> THAI = List.of("รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ชื่อภาษาอังกฤษ", "ประเภทหน่วยงาน", "ขนาด", "กลุ่มการประเมิน",
            "รหัสหน่วยงานต้นสังกัด", "จังหวัด", "อำเภอ", "เว็บไซต์หลัก", "จำนวนบุคลากร", "หน่วยงานภายใน");
    static final List<String> KEYS = List.of("code", "name_th", "name_en", "type", "size", "assessment_group", "parent_code", "province",
            "district", "website", "staff_count", "units");
    static final Pattern SUMMARY = Pattern.compile("class=\"notice (provisional|warn)\"[^>]*data-testid=\"import-summary\"");
    static boolean stored;

    @Autowired
    PlatformTransactionManager transactions;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    /**
     * A browser over real HTTP (not the shared MockMvc, which keeps every request and answer in memory to print them if
     * a test fails: ten thousand imports would look like a leak of the server's).
     */
    WebClient web;

    static String code(int i) {
        return String.format("HOST-G%02d", i);
    }

    /** A valid registry table of the fuzz agencies, every column filled, headers in Thai or as the English keys. */
    static Table template(SplittableRandom r) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            boolean local = i > 0;
            rows.add(new ArrayList<>(List.of(code(i), local ? "องค์การบริหารส่วนตำบลทะเบียนเสีย" + i : "จังหวัดทดสอบข้อมูลเสีย",
                    "Hostile Registry " + i, local ? "อบต." : "จังหวัด", local ? "SML".substring(i % 3, i % 3 + 1) : "", local ? "กลุ่ม " + i : "",
                    local ? code(0) : "", "กาฬสินธุ์", local ? "สมเด็จ" : "", "https://hostile" + i + ".example.go.th", Integer.toString(20 + i),
                    local ? "สำนักปลัด; กองคลัง; กองช่าง" : "")));
        }
        boolean keys = r != null && r.nextInt(3) == 0;
        List<String> header = new ArrayList<>(keys ? KEYS : THAI);
        return new Table(header, rows, keys ? Set.of("code", "name_th", "type") : Set.of("รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภทหน่วยงาน"), 2000);
    }

    @BeforeEach
    void storedAgencies() throws Exception {
        if (stored) {
            web = new WebClient(port, "hostile-central", "Hostile-Registry-2569");
            web.signIn();
            return;
        }
        accounts.create("test", "hostile-central", "ผู้ดูแลส่วนกลาง", org.openita.server.identity.Role.CENTRAL_ADMIN, "Hostile-Registry-2569", false);
        web = new WebClient(port, "hostile-central", "Hostile-Registry-2569");
        web.signIn();
        Case clean = new CsvCases("registry-csv", r -> template(null)).clean(0);
        AgencyRegistry.ImportReport report = registry.importFile("test", "registry.csv", new ByteArrayInputStream(clean.bytes()),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(report.problems()).as("the template is valid").isEmpty();
        stored = true;
    }

    private static boolean thai(String s) {
        return s != null && s.codePoints().anyMatch(c -> c >= 0x0E01 && c <= 0x0E5B);
    }

    private static boolean english(String s) {
        return s != null && s.codePoints().filter(c -> c < 0x80 && Character.isLetter(c)).count() >= 3;
    }

    /** A file name as people and programs send them: usually plain, sometimes odd. */
    static String fileName(Case c, String extension) {
        SplittableRandom r = Hostile.random(c.stream() + "-name", c.index());
        String[] odd = {"../../etc/passwd." + extension, "ทะเบียนหน่วยงาน ๒๕๖๘." + extension, "a".repeat(300) + "." + extension,
                "x\u0000y." + extension, "name\u202Egpj." + extension, "<script>alert(1)</script>." + extension, "." + extension,
                "registry." + extension.toUpperCase()};
        return r.nextInt(5) == 0 ? odd[r.nextInt(odd.length)] : "registry." + extension;
    }

    /** Through the registry service; valid-rows-only imports are rolled back, so the registry stays the template. */
    private Run.Outcome service(Case c, String extension) {
        boolean validRowsOnly = Hostile.random(c.stream() + "-mode", c.index()).nextInt(4) == 0;
        AgencyRegistry.ImportReport report;
        try {
            if (validRowsOnly) {
                TransactionTemplate tx = new TransactionTemplate(transactions);
                report = tx.execute(status -> {
                    status.setRollbackOnly();
                    try {
                        return registry.importFile("hostile", fileName(c, extension), new ByteArrayInputStream(c.bytes()),
                                AgencyRegistry.Mode.VALID_ROWS_ONLY);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } else {
                report = registry.importFile("hostile", fileName(c, extension), new ByteArrayInputStream(c.bytes()), AgencyRegistry.Mode.ALL_OR_NOTHING);
            }
        } catch (UnreadableFileException e) {
            return unreadable(e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof UnreadableFileException u) {
                return unreadable(u);
            }
            return Run.Outcome.fault("escaped", "the registry threw " + e.getCause());
        } catch (Exception e) {
            return Run.Outcome.fault("escaped", "the registry threw " + e.getClass().getName() + ": " + e.getMessage());
        }
        if (report.problems().isEmpty()) {
            return new Run.Outcome("accepted", List.of(), null);
        }
        List<String> texts = new ArrayList<>();
        String fault = null;
        for (ImportProblem p : report.problems()) {
            texts.add(p.th());
            texts.add(p.en());
            texts.add(p.column());
            if (fault == null && (!thai(p.th()) || !english(p.en()))) {
                fault = "a problem is not given in Thai and English: " + p;
            }
        }
        return new Run.Outcome(validRowsOnly ? "problems(valid rows only)" : "problems", texts, fault);
    }

    private static Run.Outcome unreadable(UnreadableFileException e) {
        return new Run.Outcome("unreadable", List.of(e.th(), e.en()), thai(e.th()) && english(e.en()) ? null : "the reason is not given in Thai and English");
    }

    /** Through the import page, as a person's browser sends it: a multipart form over HTTP with the session's CSRF token. */
    private Run.Outcome page(Case c, String extension) throws Exception {
        String boundary = "----hostile" + c.index();
        String name = fileName(c, extension).replace("\"", "%22").replace("\r", "").replace("\n", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL_OR_NOTHING\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body0 = Bytes.concat(Bytes.concat(head, c.bytes()), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        WebClient.Answer r = web.send("POST", "/agencies/import", "multipart/form-data; boundary=" + boundary, body0, null);
        if (r.status() == 302 && r.location() != null && r.location().contains("/login")) {
            web.signIn();
            return page(c, extension);
        }
        String body = r.body();
        int status = r.status();
        if (Leaks.sharedRun(Leaks.unescape(body), fileName(c, extension), Leaks.MAX_QUOTED + 1) >= 0) {
            return new Run.Outcome("page-" + status, List.of(body), "the page repeats more than " + Leaks.MAX_QUOTED + " characters of the file's name");
        }
        if (status >= 500) {
            return new Run.Outcome("page-" + status, List.of(body), "the page answered " + status);
        }
        if (status != 200) {
            return new Run.Outcome("page-" + status, List.of(body), thai(body) ? null : "the page's " + status + " has no Thai text");
        }
        Matcher m = SUMMARY.matcher(body);
        if (m.find()) {
            boolean applied = m.group(1).equals("provisional");
            return new Run.Outcome(applied ? "accepted" : "page-report", List.of(body), null);
        }
        if (body.contains("data-testid=\"file-error\"")) {
            return new Run.Outcome("page-unreadable", List.of(body), null);
        }
        return new Run.Outcome("page-unclear", List.of(body), "the page neither reports the import nor says why the file was refused");
    }

    /** What a page says about the import: its alert or its first problem, without tags. */
    static String said(String body) {
        int at = Math.max(body.indexOf("data-testid=\"file-error\""), body.indexOf("data-testid=\"import-problems\""));
        if (at < 0) {
            at = Math.max(0, body.indexOf("data-testid=\"import-summary\""));
        }
        String text = body.substring(at, Math.min(body.length(), at + 1500)).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
        return Leaks.unescape(text.length() > 300 ? text.substring(0, 300) : text);
    }

    private Run.Outcome both(Case c, String extension) throws Exception {
        Run.Outcome s = service(c, extension);
        Run.Outcome p = page(c, extension);
        List<String> texts = new ArrayList<>(s.texts());
        texts.addAll(p.texts());
        String fault = s.fault() != null ? s.fault() : p.fault();
        boolean serviceAccepted = s.accepted() && !s.kind().contains("valid rows");
        // a file name holding NUL is refused by the container before the page sees the file: the service is not asked about names
        boolean badName = fileName(c, extension).chars().anyMatch(ch -> ch < 0x20) && p.kind().equals("page-400");
        if (fault == null && !s.kind().contains("valid rows") && !badName && serviceAccepted != p.accepted()) {
            fault = "the service " + (serviceAccepted ? "accepted" : "refused") + " it but the page " + (p.accepted() ? "accepted" : "refused")
                    + " it: " + said(p.texts().get(0));
        }
        return new Run.Outcome(p.accepted() || s.accepted() ? "accepted" : s.kind() + "/" + p.kind(), texts, fault);
    }

    @Test
    void theTemplatesAreAcceptedInEveryWayTheyAreWritten() throws Exception {
        CsvCases csv = new CsvCases("registry-csv", RegistryImportHostileIT::template);
        XlsxCases xlsx = new XlsxCases("registry-xlsx", RegistryImportHostileIT::template);
        for (int i = 0; i < 40; i++) {
            assertThat(service(csv.clean(i), "csv").kind()).as(csv.clean(i).description()).isEqualTo("accepted");
            assertThat(service(xlsx.clean(i), "xlsx").kind()).as(xlsx.clean(i).description()).isEqualTo("accepted");
        }
    }

    @Test
    void badCsvFilesAreRefusedCleanly() throws Exception {
        CsvCases gen = new CsvCases("registry-csv", RegistryImportHostileIT::template);
        new Run(TEST, "registry-csv", "csv").cases(Hostile.COUNT, gen::make, c -> both(c, "csv"), () -> StoredState.of(jdbc));
    }

    @Test
    void badXlsxFilesAreRefusedCleanly() throws Exception {
        XlsxCases gen = new XlsxCases("registry-xlsx", RegistryImportHostileIT::template);
        new Run(TEST, "registry-xlsx", "xlsx").cases(Hostile.COUNT, gen::make, c -> both(c, "xlsx"), () -> StoredState.of(jdbc));
    }
}
