package org.openita.server.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.AgencyAccess;
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

/** Import official results (central administrator) and read an agency's results for a year. */
@Controller
class ResultsController {

    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final AgencyAccess access;

    ResultsController(OfficialResults results, AgencyRegistry agencies, AgencyAccess access) {
        this.results = results;
        this.agencies = agencies;
        this.access = access;
    }

    @GetMapping("/results/import")
    String form(Model model) {
        model.addAttribute("columns", OfficialResultColumns.headers());
        return "results/import";
    }

    @GetMapping("/results/template.csv")
    ResponseEntity<byte[]> template() {
        String csv = "\uFEFF" + String.join(",", OfficialResultColumns.headers()) + "\n";
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        h.setContentDisposition(ContentDisposition.attachment().filename("official-results-template.csv").build());
        return ResponseEntity.ok().headers(h).body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/results/import")
    String importFile(@RequestParam("file") MultipartFile file, Principal principal, Model model) throws IOException {
        model.addAttribute("columns", OfficialResultColumns.headers());
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.isEmpty() || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            model.addAttribute("fileError", true);
            return "results/import";
        }
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().forEach(a -> names.put(a.code(), a.nameTh()));
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", results.importCsv(principal.getName(), in, names));
        }
        return "results/import";
    }

    @GetMapping("/agency/{code}/results/{year}")
    String page(@PathVariable String code, @PathVariable int year, Authentication auth, Model model, Locale locale) {
        if (!access.canSee(auth, code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Agency agency = agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AgencyResult result = results.result(code, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var analysis = Analyzer.analyze(result.framework(), result.score(), results.result(code, year - 1).map(AgencyResult::score).orElse(null),
                result.profile(), KnowledgeBaseLoader.shipped(year), AnalysisOptions.DEFAULT);
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("result", result);
        model.addAttribute("analysis", analysis);
        return "results/page";
    }
}
