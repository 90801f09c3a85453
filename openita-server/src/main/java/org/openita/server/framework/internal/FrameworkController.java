package org.openita.server.framework.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.input.BoundedInputStream;
import org.openita.core.framework.DefinitionDiff;
import org.openita.core.framework.DefinitionProblem;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.server.framework.DefinitionVersion;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The central administrator's framework definitions: every year with its active version, a definition file uploaded
 * and checked (every problem shown, nothing stored when there is one), the differences of a stored version from the
 * year's active one (or from the previous year's, for a new year), and activating a version (a separate POST).
 */
@Controller
class FrameworkController {

    /** A definition is a few hundred kilobytes at most; reading stops past this. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final FrameworkCatalog catalog;
    private final FrameworkVersions versions;

    FrameworkController(FrameworkCatalog catalog, FrameworkVersions versions) {
        this.catalog = catalog;
        this.versions = versions;
    }

    @GetMapping("/frameworks")
    String list(Model model) {
        model.addAttribute("years", catalog.list());
        model.addAttribute("active", catalog.list().stream()
                .map(s -> catalog.activeVersion(s.year()).orElse(null)).filter(v -> v != null).toList());
        return "frameworks/list";
    }

    @GetMapping("/frameworks/{year}")
    String year(@PathVariable int year, Model model) {
        List<DefinitionVersion> all = catalog.versions(year);
        if (all.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no framework definition for " + year);
        }
        model.addAttribute("year", year);
        model.addAttribute("versions", all);
        return "frameworks/year";
    }

    @PostMapping("/frameworks/upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model,
                  HttpServletResponse response) throws IOException {
        String name = file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "definition.yaml" : file.getOriginalFilename().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        Optional<String> text = Optional.empty();
        String refusal = null;
        if (file == null || file.isEmpty()) {
            refusal = "frameworks.upload.empty";
        } else {
            try (InputStream in = BoundedInputStream.builder().setInputStream(file.getInputStream()).setMaxCount(MAX_BYTES + 1L).get()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > MAX_BYTES) {
                    refusal = "frameworks.upload.tooLarge";
                } else {
                    text = Optional.of(utf8(bytes));
                }
            } catch (CharacterCodingException e) {
                refusal = "frameworks.upload.notUtf8";
            }
        }
        if (refusal != null) {
            response.setStatus(refusal.endsWith("tooLarge") ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", refusal);
            model.addAttribute("fileName", name);
            return "frameworks/problems";
        }
        FrameworkVersions.Loaded loaded = versions.load(principal.getName(), name, text.get());
        if (loaded.version().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("fileName", name);
            model.addAttribute("problems", loaded.problems());
            return "frameworks/problems";
        }
        return "redirect:/frameworks/versions/" + loaded.version().get().id();
    }

    /** Strict UTF-8 (a byte-order mark is dropped): a file in another encoding is refused, never read as garbage. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    @GetMapping("/frameworks/versions/{id}")
    String version(@PathVariable long id, Model model) {
        DefinitionVersion v = catalog.version(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FrameworkDefinition d = catalog.definition(id).orElseThrow();
        Optional<DefinitionVersion> active = catalog.activeVersion(v.fiscalYear());
        Optional<FrameworkDefinition> base;
        String against;
        // the active version is compared with the one before it of the same year (newest loaded first), if any
        Optional<DefinitionVersion> earlier = catalog.versions(v.fiscalYear()).stream()
                .filter(o -> o.id() != id && o.loadedAt().isBefore(v.loadedAt())).findFirst();
        if (active.isPresent() && active.get().id() != id) {
            base = catalog.definition(active.get().id());
            against = "active";
        } else if (earlier.isPresent()) {
            base = catalog.definition(earlier.get().id());
            against = "earlier";
        } else {
            base = catalog.activeBefore(v.fiscalYear());
            against = "previousYear";
        }
        List<DefinitionDiff.Change> changes = base.map(b -> DefinitionDiff.between(b, d)).orElse(List.of());
        model.addAttribute("version", v);
        model.addAttribute("definition", d);
        model.addAttribute("activeVersion", active.orElse(null));
        model.addAttribute("against", base.isPresent() ? against : "none");
        model.addAttribute("baseYear", base.map(b -> b.year().buddhistEra()).orElse(null));
        model.addAttribute("baseVersion", base.map(FrameworkDefinition::version).orElse(null));
        model.addAttribute("changes", changes);
        return "frameworks/version";
    }

    @PostMapping("/frameworks/versions/{id}/activate")
    String activate(@PathVariable long id, Principal principal) {
        DefinitionVersion v = versions.activate(principal.getName(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/frameworks/" + v.fiscalYear() + "?activated=" + v.id();
    }
}
