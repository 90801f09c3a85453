package org.openita.server.results.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.FrameworkSummary;
import org.openita.server.web.CsvOut;
import org.openita.server.web.MediaTypes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Importing official results: nationally by the central administrator (/results/import) or for one
 * agency by its administrator (/agency/{code}/results/import), with a template per year in CSV and
 * XLSX, and a progress page while the file is read.
 */
@Controller
class ResultsController {

    private final ResultImports imports;
    private final AgencyRegistry agencies;
    private final AgencyAccess access;
    private final FrameworkCatalog frameworks;
    private final CycleService cycles;

    ResultsController(ResultImports imports, AgencyRegistry agencies, AgencyAccess access, FrameworkCatalog frameworks,
                      CycleService cycles) {
        this.cycles = cycles;
        this.imports = imports;
        this.agencies = agencies;
        this.access = access;
        this.frameworks = frameworks;
    }

    /**
     * The year the import page offers first: the latest year whose results can exist today, that is a year before the
     * fiscal year running now, or this year once its cycle's results phase has begun. A year still being assessed
     * stays in the list but is not the default, so a clerk does not fill in next year's template by accident.
     */
    private int latestYear() {
        int running = FiscalYear.containing(cycles.today()).buddhistEra();
        List<Integer> years = frameworks.list().stream().map(FrameworkSummary::year).sorted(java.util.Comparator.reverseOrder()).toList();
        return years.stream().filter(y -> y < running || (y == running && cycles.resultsAnnounced(y))).findFirst()
                .orElse(years.isEmpty() ? running - 1 : years.get(years.size() - 1));
    }

    private FrameworkDefinition framework(Integer year) {
        return frameworks.active(year == null ? latestYear() : year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no framework for that year"));
    }

    private void form(Model model, Agency agency, int year) {
        model.addAttribute("columns", frameworks.active(year).map(OfficialResultColumns::headers).orElse(OfficialResultColumns.base()));
        model.addAttribute("years", frameworks.list().stream().map(FrameworkSummary::year).sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("year", year);
        model.addAttribute("agency", agency);
    }

    @GetMapping("/results/import")
    String nationalForm(@RequestParam(required = false) Integer year, Model model) {
        form(model, null, year == null ? latestYear() : year);
        return "results/import";
    }

    @PostMapping("/results/import")
    String nationalImport(@RequestParam("file") MultipartFile file, Authentication auth, Model model) throws IOException {
        return start(file, null, auth, model, code -> true);
    }

    @GetMapping("/agency/{code}/results/import")
    String agencyForm(@PathVariable AgencyCode code, @RequestParam(required = false) Integer year, Authentication auth, Model model) {
        Agency agency = manageable(code, auth);
        form(model, agency, year == null ? latestYear() : year);
        return "results/import";
    }

    @PostMapping("/agency/{code}/results/import")
    String agencyImport(@PathVariable AgencyCode code, @RequestParam(value = "file", required = false) MultipartFile file, Authentication auth,
                        Model model) throws IOException {
        Agency agency = manageable(code, auth);
        return start(file, agency, auth, model, agency.code()::equals);
    }

    private String start(MultipartFile file, Agency agency, Authentication auth, Model model, java.util.function.Predicate<AgencyCode> allowed)
            throws IOException {
        Optional<ResultFile.Format> format = file == null ? Optional.empty() : ResultFile.Format.of(file.getOriginalFilename());
        if (file == null || file.isEmpty() || format.isEmpty()) {
            form(model, agency, latestYear());
            model.addAttribute("fileError", true);
            return "results/import";
        }
        ResultImports.Job job;
        try (InputStream in = file.getInputStream()) {
            job = imports.start(auth.getName(), file.getOriginalFilename(), format.get(), in, agency == null ? null : agency.code(), allowed);
        } catch (org.openita.server.upload.FileTooLargeException e) {
            form(model, agency, latestYear());
            model.addAttribute("fileError", true);
            return "results/import";
        } catch (ResultImports.BusyException e) {
            form(model, agency, latestYear());
            model.addAttribute("busy", e.yours() ? "results.import.busy.yours" : "results.import.busy");
            return "results/import";
        }
        return "redirect:/imports/" + job.id();
    }

    /** The progress page of an import; htmx asks for the progress part alone every second until the import ends. */
    @GetMapping("/imports/{id}")
    String job(@PathVariable String id, @RequestHeader(value = "HX-Request", required = false) String htmx, Authentication auth, Model model) {
        ResultImports.Job job = imports.find(id, auth.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("job", job);
        model.addAttribute("agency", job.agency() == null ? null : agencies.find(job.agency()).orElse(null));
        return htmx != null ? "results/job :: progress" : "results/job";
    }

    @GetMapping("/results/template.{format}")
    ResponseEntity<byte[]> template(@PathVariable String format, @RequestParam(required = false) Integer year) throws IOException {
        FrameworkDefinition def = framework(year);
        return template(format, OfficialResultColumns.template(def), List.of(), "official-results-template-" + def.year().buddhistEra());
    }

    /** The template for one agency: its code, name and the year already filled in. */
    @GetMapping("/agency/{code}/results/template.{format}")
    ResponseEntity<byte[]> agencyTemplate(@PathVariable AgencyCode code, @PathVariable String format, @RequestParam(required = false) Integer year,
                                          Authentication auth) throws IOException {
        Agency agency = manageable(code, auth);
        FrameworkDefinition def = framework(year);
        List<String> row = new ArrayList<>(List.of(agency.code().value(), agency.nameTh(), Integer.toString(def.year().buddhistEra())));
        return template(format, OfficialResultColumns.template(def), row, "results-" + agency.code() + "-" + def.year().buddhistEra());
    }

    private ResponseEntity<byte[]> template(String format, List<String> headers, List<String> row, String name) throws IOException {
        HttpHeaders h = new HttpHeaders();
        byte[] body;
        if (format.equals("csv")) {
            body = CsvOut.of(headers, row.isEmpty() ? List.of() : List.of(padded(row, headers.size())));
            h.setContentType(MediaType.parseMediaType(CsvOut.MEDIA_TYPE));
        } else if (format.equals("xlsx")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                XSSFSheet sheet = wb.createSheet("ผลการประเมิน");
                XSSFCellStyle bold = wb.createCellStyle();
                Font font = wb.createFont();
                font.setBold(true);
                bold.setFont(font);
                XSSFRow head = sheet.createRow(0);
                for (int i = 0; i < headers.size(); i++) {
                    head.createCell(i).setCellValue(headers.get(i));
                    head.getCell(i).setCellStyle(bold);
                }
                if (!row.isEmpty()) {
                    XSSFRow r = sheet.createRow(1);
                    for (int i = 0; i < row.size(); i++) {
                        r.createCell(i).setCellValue(row.get(i));
                    }
                }
                sheet.createFreezePane(0, 1);
                sheet.setColumnWidth(1, 40 * 256);
                wb.write(out);
                body = out.toByteArray();
            }
            h.setContentType(MediaType.parseMediaType(MediaTypes.XLSX));
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        h.setContentDisposition(ContentDisposition.attachment().filename(name + "." + format).build());
        return ResponseEntity.ok().headers(h).body(body);
    }

    private static List<String> padded(List<String> row, int columns) {
        List<String> cells = new ArrayList<>(row);
        while (cells.size() < columns) {
            cells.add("");
        }
        return cells;
    }

    /** The agency, if this person may change its results: 404 when they may not see it, 403 when they may only read it. */
    private Agency manageable(AgencyCode code, Authentication auth) {
        access.requireManageable(auth, code);
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
