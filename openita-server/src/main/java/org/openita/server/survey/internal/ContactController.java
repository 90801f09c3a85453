package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.upload.Uploads;
import org.openita.server.web.CsvOut;
import org.openita.server.web.MediaTypes;
import org.openita.server.web.TempFolder;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * An agency's contact list for EIT part 2, for those who manage the agency: add contacts by the form or from a file,
 * see how many of each kind were given, withdraw the list. The names are never shown here again (ADR 0031): only the
 * agency's assigned assessors see them, on their own page.
 */
@Controller
class ContactController {

    /** The largest contact file, in bytes. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final ContactLists lists;
    private final MessageSource messages;
    private final TempFolder temp;

    ContactController(AgencyAccess access, AgencyRegistry agencies, ContactLists lists, MessageSource messages, TempFolder temp) {
        this.access = access;
        this.agencies = agencies;
        this.lists = lists;
        this.messages = messages;
        this.temp = temp;
    }

    private String label(ContactKind k, Locale locale) {
        return messages.getMessage(k.messageKey(), null, locale);
    }

    private Agency manageable(AgencyCode code, Authentication auth) {
        access.requireManageable(auth, code);
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/agency/{code}/contacts/{year}")
    String page(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestParam(required = false) Integer added,
                @RequestParam(required = false) Integer deleted, Authentication auth, Model model) {
        Agency agency = manageable(code, auth);
        if (added != null) {
            model.addAttribute("added", added);
        }
        if (deleted != null) {
            model.addAttribute("deleted", deleted);
        }
        return show(agency, year, model);
    }

    private String show(Agency agency, FiscalYear year, Model model) {
        Map<ContactKind, Integer> counts = lists.counts(agency.code(), year);
        model.addAttribute("agency", agency);
        model.addAttribute("year", year.buddhistEra());
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("accepts", lists.acceptsUploads(year));
        model.addAttribute("purgedAt", lists.purgedAt(year.buddhistEra()).orElse(null));
        model.addAttribute("keyAvailable", lists.keyAvailable());
        model.addAttribute("setting", ContactSeal.SETTING);
        model.addAttribute("maxMb", MAX_BYTES / (1024 * 1024));
        model.addAttribute("most", ContactFile.MOST);
        model.addAttribute("refusalArgs", new Object[] {year.buddhistEra(), ContactSeal.SETTING});
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ContactCheck.Entry(0, "", "", "", "", ContactKind.SERVICE.name()));
        }
        return "survey/field/contacts";
    }

    /** One contact from the form; refused with the problems and what was typed, nothing stored. */
    @PostMapping("/agency/{code}/contacts/{year}/add")
    String add(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String phone,
               @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String kind, Authentication auth,
               Model model, HttpServletResponse response) {
        Agency agency = manageable(code, auth);
        ContactCheck.Entry entry = new ContactCheck.Entry(1, name, organisation, phone, email, kind);
        ContactLists.Added outcome = store(agency, year, List.of(entry), auth);
        if (outcome instanceof ContactLists.Added.Stored s) {
            return "redirect:/agency/" + code.value() + "/contacts/" + year.buddhistEra() + "?added=" + s.added();
        }
        model.addAttribute("form", entry);
        model.addAttribute("formRefused", true);
        return refused(agency, year, outcome, model, response);
    }

    /** A file of contacts: every row checked; any problem and nothing is stored. */
    @PostMapping("/agency/{code}/contacts/{year}/upload")
    String upload(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestParam(value = "file", required = false) MultipartFile file,
                  Authentication auth, Model model, HttpServletResponse response) throws IOException {
        Agency agency = manageable(code, auth);
        if (file == null || file.isEmpty()) {
            return refused(agency, year, new ContactLists.Added.Refused(List.of(new ContactCheck.Problem(0, null,
                    "ไม่ได้เลือกไฟล์ หรือไฟล์ว่าง", "no file was chosen, or it is empty"))), model, response);
        }
        ContactFile.Contents contents;
        Path copy = null;
        try (InputStream in = file.getInputStream()) {
            copy = Uploads.copy(in, temp, "contacts-", ".upload", MAX_BYTES);
            contents = ContactFile.read(file.getOriginalFilename(), copy);
        } catch (UnreadableFileException e) {
            return refused(agency, year, new ContactLists.Added.Refused(List.of(new ContactCheck.Problem(0, null, e.th(), e.en()))), model, response);
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
        ContactLists.Added outcome = contents.problems().isEmpty() ? store(agency, year, contents.entries(), auth)
                : new ContactLists.Added.Refused(contents.problems());
        if (outcome instanceof ContactLists.Added.Stored s) {
            return "redirect:/agency/" + code.value() + "/contacts/" + year.buddhistEra() + "?added=" + s.added();
        }
        return refused(agency, year, outcome, model, response);
    }

    private ContactLists.Added store(Agency agency, FiscalYear year, List<ContactCheck.Entry> entries, Authentication auth) {
        if (!lists.acceptsUploads(year)) {
            return new ContactLists.Added.Closed();
        }
        ContactCheck check = new ContactCheck(this::label, lists.existing(agency.code(), year));
        return lists.add(agency.code(), year, entries, check, auth.getName());
    }

    private String refused(Agency agency, FiscalYear year, ContactLists.Added outcome, Model model, HttpServletResponse response) {
        if (outcome instanceof ContactLists.Added.Refused r) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", r.problems());
        } else if (outcome instanceof ContactLists.Added.Closed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", "field.contacts.refused.closed");
        } else {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("refusal", "field.contacts.refused.noKey");
        }
        return show(agency, year, model);
    }

    /** The agency withdraws its whole list of the year, after confirming. */
    @PostMapping("/agency/{code}/contacts/{year}/delete")
    String delete(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestParam(required = false) String confirm,
                  Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = manageable(code, auth);
        if (!"yes".equals(confirm)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", "field.contacts.delete.unconfirmed");
            return show(agency, year, model);
        }
        int n = lists.withdraw(code, year, auth.getName());
        return "redirect:/agency/" + code.value() + "/contacts/" + year.buddhistEra() + "?deleted=" + n;
    }

    @GetMapping("/agency/{code}/contacts/template.csv")
    ResponseEntity<byte[]> templateCsv(@PathVariable AgencyCode code, Authentication auth) {
        manageable(code, auth);
        List<String> header = Arrays.stream(ContactFile.Column.values()).map(c -> c.thai).toList();
        return download(CsvOut.of(header, List.of()), "contact-list-template.csv", CsvOut.MEDIA_TYPE);
    }

    /** The template workbook: the headings on the first sheet (the one read back), the kinds allowed on the second. */
    @GetMapping("/agency/{code}/contacts/template.xlsx")
    ResponseEntity<byte[]> templateXlsx(@PathVariable AgencyCode code, Authentication auth) {
        manageable(code, auth);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("รายชื่อ");
            var head = sheet.createRow(0);
            ContactFile.Column[] cols = ContactFile.Column.values();
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i].thai);
                sheet.setColumnWidth(i, 28 * 256);
            }
            sheet.createFreezePane(0, 1);
            var kinds = wb.createSheet("ลักษณะการติดต่อ");
            kinds.createRow(0).createCell(0).setCellValue("ลักษณะการติดต่อที่ใช้ได้ (ใส่ในคอลัมน์ \"ลักษณะการติดต่อ\")");
            ContactKind[] all = ContactKind.values();
            for (int i = 0; i < all.length; i++) {
                kinds.createRow(i + 1).createCell(0).setCellValue(label(all[i], Locale.forLanguageTag("th")));
            }
            kinds.setColumnWidth(0, 60 * 256);
            wb.write(out);
            return download(out.toByteArray(), "contact-list-template.xlsx", MediaTypes.XLSX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(type));
        h.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        return ResponseEntity.ok().headers(h).body(body);
    }
}
