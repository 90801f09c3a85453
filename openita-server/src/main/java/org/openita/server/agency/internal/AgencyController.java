package org.openita.server.agency.internal;

import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyType;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The registry pages, for the central administrator. */
@Controller
class AgencyController {

    private final AgencyRegistry registry;

    AgencyController(AgencyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/agencies")
    String list(Model model) {
        List<Agency> all = registry.all();
        model.addAttribute("agencies", all.size() > 500 ? all.subList(0, 500) : all);
        model.addAttribute("total", all.size());
        model.addAttribute("types", AgencyType.values());
        return "agencies/list";
    }

    @GetMapping("/agencies/import")
    String importForm(Model model) {
        model.addAttribute("columns", AgencyColumns.thaiHeaders());
        model.addAttribute("help", AgencyColumns.help());
        return "agencies/import";
    }

    @PostMapping("/agencies/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") AgencyRegistry.Mode mode,
                      Principal principal, Model model) throws IOException {
        model.addAttribute("columns", AgencyColumns.thaiHeaders());
        model.addAttribute("help", AgencyColumns.help());
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.isEmpty() || !(name.toLowerCase().endsWith(".csv") || name.toLowerCase().endsWith(".xlsx"))) {
            model.addAttribute("fileError", true);
            return "agencies/import";
        }
        AgencyRegistry.ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = registry.importFile(principal.getName(), name, in, mode);
        } catch (org.openita.server.upload.UnreadableFileException e) {
            model.addAttribute("unreadableTh", e.th());
            model.addAttribute("unreadableEn", e.en());
            return "agencies/import";
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", org.openita.server.web.TextInput.quote(name, 60));
        return "agencies/import";
    }

    @GetMapping("/agencies/export.csv")
    ResponseEntity<byte[]> exportCsv() {
        return download(AgencyExport.csv(registry.all()), "agencies.csv", org.openita.server.web.CsvOut.MEDIA_TYPE);
    }

    @GetMapping("/agencies/export.xlsx")
    ResponseEntity<byte[]> exportXlsx() {
        return download(AgencyExport.xlsx(registry.all()), "agencies.xlsx",
                org.openita.server.web.MediaTypes.XLSX);
    }

    /** An empty registry file, the header row only, in the columns the import reads (as the results import offers its template). */
    @GetMapping("/agencies/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(AgencyExport.csv(List.of()), "agency-registry-template.csv", org.openita.server.web.CsvOut.MEDIA_TYPE);
    }

    @GetMapping("/agencies/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(AgencyExport.xlsx(List.of()), "agency-registry-template.xlsx", org.openita.server.web.MediaTypes.XLSX);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(type));
        h.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        return ResponseEntity.ok().headers(h).body(body);
    }
}
