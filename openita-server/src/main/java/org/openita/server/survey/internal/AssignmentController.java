package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.web.CsvOut;
import org.openita.server.web.MediaTypes;
import org.openita.server.web.TextInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The central administrator's page of assessors and the agencies each reviews in the field (issue 13): the assessors
 * a page at a time with their agencies, one assessor's agencies a page at a time, adding one agency, removing one after
 * confirming, and importing many from a file. A refused change re-renders the page with the reason (400 for input that
 * names nothing, 409 for a clash with what is stored) and changes nothing.
 */
@Controller
class AssignmentController {

    private static final String PAGE = "survey/admin/assessors";

    private final AssignmentBook book;
    private final AssignmentImport imports;

    AssignmentController(AssignmentBook book, AssignmentImport imports) {
        this.book = book;
        this.imports = imports;
    }

    @GetMapping("/surveys/assessors")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                @RequestParam(defaultValue = "") String of, @RequestParam(defaultValue = "") String remove,
                @RequestParam(defaultValue = "") String assigned, @RequestParam(defaultValue = "") String removed, Model model) {
        show(model, q, page, of);
        if (!remove.isEmpty() && model.getAttribute("one") != null) {
            String username = ((AssignmentBook.Page) model.getAttribute("one")).assessors().get(0).username();
            boolean has = org.openita.server.agency.AgencyCode.isValid(remove) && book.assigned(username, remove);
            model.addAttribute("removeCode", TextInput.quote(remove, 40));
            model.addAttribute("removeName", has ? book.agencyName(remove).orElse("") : null);
        }
        // told through the address after a redirect; shown only when it is still so
        if (!assigned.isEmpty() && !of.isEmpty() && book.assigned(of, assigned)) {
            model.addAttribute("assignedCode", assigned);
        }
        if (!removed.isEmpty() && !of.isEmpty() && model.getAttribute("one") != null && !book.assigned(of, removed)) {
            model.addAttribute("removedCode", TextInput.quote(removed, 40));
        }
        return PAGE;
    }

    @PostMapping("/surveys/assessors")
    String assign(@RequestParam(defaultValue = "") String assessor, @RequestParam(defaultValue = "") String agency,
                  Principal principal, Model model, HttpServletResponse response) {
        Optional<AssignmentBook.Refusal> refusal = book.assign(principal.getName(), assessor, agency);
        if (refusal.isEmpty()) {
            String stored = book.assessor(assessor.strip(), 1).orElseThrow().assessors().get(0).username();
            return redirect(stored, "assigned", agency.strip());
        }
        return refused(refusal.get(), assessor, agency, "add", model, response);
    }

    @PostMapping("/surveys/assessors/remove")
    String remove(@RequestParam(defaultValue = "") String assessor, @RequestParam(defaultValue = "") String agency,
                  Principal principal, Model model, HttpServletResponse response) {
        Optional<AssignmentBook.Refusal> refusal = book.remove(principal.getName(), assessor, agency);
        if (refusal.isEmpty()) {
            String stored = book.assessor(assessor.strip(), 1).orElseThrow().assessors().get(0).username();
            return redirect(stored, "removed", agency.strip());
        }
        return refused(refusal.get(), assessor, agency, "remove", model, response);
    }

    @PostMapping("/surveys/assessors/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model,
                      HttpServletResponse response) throws IOException {
        show(model, "", 1, "");
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file == null || file.isEmpty() || !(lower.endsWith(".csv") || lower.endsWith(".xlsx"))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", true);
            return PAGE;
        }
        AssignmentImport.Report report;
        try (InputStream in = file.getInputStream()) {
            report = imports.importFile(principal.getName(), name, in);
        } catch (UnreadableFileException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadableTh", e.th());
            model.addAttribute("unreadableEn", e.en());
            return PAGE;
        }
        if (!report.applied()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            show(model, "", 1, ""); // the counts after the import
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", TextInput.quote(name, 60));
        return PAGE;
    }

    /** The empty file to fill in: the header row only, in the columns the import reads. */
    @GetMapping("/surveys/assessors/template.{format}")
    ResponseEntity<byte[]> template(@PathVariable String format) {
        List<String> headers = AssignmentColumns.thaiHeaders();
        byte[] body;
        String type;
        if ("csv".equals(format)) {
            body = CsvOut.of(headers, List.of());
            type = CsvOut.MEDIA_TYPE;
        } else if ("xlsx".equals(format)) {
            body = xlsx(headers);
            type = MediaTypes.XLSX;
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(type));
        h.setContentDisposition(ContentDisposition.attachment().filename("assessor-agencies-template." + format).build());
        return ResponseEntity.ok().headers(h).body(body);
    }

    private static byte[] xlsx(List<String> headers) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("ผู้ประเมิน");
            var head = sheet.createRow(0);
            var bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            // text cells, so that a code such as 00123 keeps its zeros when typed in
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 28 * 256);
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String refused(AssignmentBook.Refusal refusal, String assessor, String agency, String form, Model model,
                           HttpServletResponse response) {
        response.setStatus((refusal.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value());
        boolean isAssessor = book.assessor(assessor.strip(), 1).isPresent();
        show(model, "", 1, isAssessor ? assessor.strip() : "");
        model.addAttribute("refusal", refusal.messageKey());
        model.addAttribute("refusalForm", form);
        model.addAttribute("refusalAgency", TextInput.quote(agency, 40));
        model.addAttribute("refusalAssessor", TextInput.quote(assessor, 60));
        model.addAttribute("typedAgency", agency.length() > 100 ? "" : agency);
        model.addAttribute("typedAssessor", assessor.length() > 100 ? "" : assessor);
        return PAGE;
    }

    /** The list of assessors, or one assessor's agencies when {@code of} names an assessor. */
    private void show(Model model, String q, int page, String of) {
        model.addAttribute("q", q.length() > 100 ? "" : q);
        model.addAttribute("of", of);
        model.addAttribute("typedAssessor", of);
        model.addAttribute("typedAgency", "");
        model.addAttribute("shownInList", AssignmentBook.AGENCIES_IN_LIST);
        Optional<AssignmentBook.Page> one = of.isBlank() ? Optional.empty() : book.assessor(of.strip(), page);
        if (one.isPresent()) {
            model.addAttribute("one", one.get());
            model.addAttribute("list", one.get());
        } else {
            model.addAttribute("list", book.assessors(q, page));
        }
    }

    private static String redirect(String assessor, String what, String code) {
        return "redirect:" + UriComponentsBuilder.fromPath("/surveys/assessors").queryParam("of", assessor).queryParam(what, code)
                .encode().build().toUriString();
    }
}
