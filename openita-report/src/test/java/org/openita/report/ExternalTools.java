package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs the rendering tests read our files with: LibreOffice (DOCX to PDF, as LibreOffice users see it),
 * headless Chromium (printing the HTML report) and poppler. Missing on a developer machine, the test is skipped with
 * a hint; on CI (CI=true) it fails, as the browser tests do.
 */
final class ExternalTools {

    static final Path SOFFICE = Path.of("/usr/bin/soffice");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ExternalTools() {
    }

    static void require(Path program) {
        requirePresent(program, Files.isExecutable(program));
    }

    /** The same for a file a test reads, such as pdf.js from Debian's libjs-pdf. */
    static void requireFile(Path file) {
        requirePresent(file, Files.isRegularFile(file));
    }

    private static void requirePresent(Path program, boolean present) {
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort(program + " is not installed; run scripts/install-test-deps.sh");
        }
        assertThat(present).as(program + " is needed on CI; scripts/install-test-deps.sh installs it").isTrue();
    }

    static String run(List<String> command, Path fontconfig) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (fontconfig != null) {
            pb.environment().put("FONTCONFIG_FILE", fontconfig.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    /**
     * A fontconfig setup that adds the bundled Sarabun to the system's fonts, so LibreOffice and Chromium find it
     * without anything installed system-wide.
     */
    static Path fontconfig(Path dir) throws IOException {
        Path fonts = Path.of("src", "main", "resources", "fonts", "sarabun").toAbsolutePath();
        Path conf = dir.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, dir.resolve("fc-cache").toAbsolutePath()));
        return conf;
    }

    /** Converts a DOCX to PDF with LibreOffice in its own throw-away profile; returns the PDF. */
    static Path libreOfficePdf(Path docx) throws IOException, InterruptedException {
        require(SOFFICE);
        Path work = Files.createDirectories(docx.toAbsolutePath().getParent().resolve("libreoffice"));
        Path profile = Files.createTempDirectory("lo-profile");
        run(List.of(SOFFICE.toString(), "--headless", "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf",
                "--outdir", work.toString(), docx.toAbsolutePath().toString()), fontconfig(work));
        String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
        return work.resolve(name);
    }

    /** Prints an HTML file to PDF with headless Chromium, as a person's "print to PDF" would. */
    static Path chromiumPdf(Path html) throws IOException, InterruptedException {
        require(CHROMIUM);
        Path work = Files.createDirectories(html.toAbsolutePath().getParent().resolve("chromium"));
        Path pdf = work.resolve(html.getFileName().toString().replaceFirst("\\.html$", ".pdf"));
        Path profile = Files.createTempDirectory("chrome-profile");
        run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
                html.toAbsolutePath().toUri().toString()), fontconfig(work));
        return pdf;
    }

    /** The text of each page of a PDF, by poppler's pdftotext. */
    static List<String> pages(Path pdf) throws IOException, InterruptedException {
        PdfReportTest.requirePoppler();
        String text = run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null);
        List<String> pages = new java.util.ArrayList<>(List.of(text.split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    /** Renders the pages to PNG for a person to look at; returns the directory. */
    static Path pngs(Path pdf, String prefix) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(pdf.toAbsolutePath().getParent().resolve("png"));
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).toList()) {
                Files.delete(p);
            }
        }
        run(List.of("pdftoppm", "-r", "60", "-png", pdf.toString(), dir.resolve(prefix).toString()), null);
        return dir;
    }
}
