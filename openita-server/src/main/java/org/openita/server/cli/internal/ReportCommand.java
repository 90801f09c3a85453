package org.openita.server.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.InvalidDefinitionException;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.interchange.InputProblem;
import org.openita.core.interchange.InvalidInputException;
import org.openita.core.interchange.MeasuresReader;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openita.server.agency.LogoImage;
import org.openita.server.cli.OpenItaCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openita report --input FILE --out report.docx|pdf|html [--previous FILE] [--measures FILE]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the ITA analysis report (รายงานการวิเคราะห์ผลการประเมิน ITA) as DOCX, PDF or HTML.",
                "The input is the same JSON as openita score, with the agency's name (and, if known, district,",
                "province and units). Exit code 0 on success, 2 when an input is malformed."})
public final class ReportCommand implements Callable<Integer> {

    enum Digits { thai, arabic }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "This year's results (JSON).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report to write: .docx, .pdf or .html.")
    Path out;

    @Option(names = "--previous", paramLabel = "FILE", description = "Last year's results (JSON), for the year-over-year change.")
    Path previous;

    @Option(names = "--measures", paramLabel = "FILE", description = "The agency's confirmed measures (JSON); without it the report prints draft measures.")
    Path measures;

    @Option(names = "--digits", defaultValue = "thai", description = "thai (default) or arabic.")
    Digits digits;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The report's date (default: today).")
    String date;

    @Option(names = "--logo", paramLabel = "FILE", description = "The agency's logo (PNG or JPEG), printed on the cover.")
    Path logo;

    @Option(names = "--knowledge", paramLabel = "FILE",
            description = "Use this recommendations knowledge base (YAML, schema openita/recommendations/v1) instead of the shipped one.")
    Path knowledge;

    /** Where "today" comes from when no --date is given: the system clock in Asia/Bangkok. */
    Clock clock = Clock.system(ZoneId.of("Asia/Bangkok"));

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ReportFormat> format = ReportFormat.ofFileName(out.getFileName().toString());
        if (format.isEmpty()) {
            err.println("- --out: the file name must end in .docx, .pdf or .html / ชื่อไฟล์ต้องลงท้ายด้วย .docx .pdf หรือ .html");
            return OpenItaCommand.BAD_INPUT;
        }
        LocalDate reportDate;
        try {
            reportDate = date == null ? LocalDate.now(clock) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            err.println("- --date: expected a date such as 2025-10-15 / วันที่ต้องอยู่ในรูปแบบ 2025-10-15 (ค.ศ.)");
            return OpenItaCommand.BAD_INPUT;
        }
        try {
            ScoreInputReader.Read now = read(input);
            if (now.input().agency() == null || now.input().agency().isBlank()) {
                throw new InvalidInputException(List.of(new InputProblem("agency",
                        "รายงานต้องมีชื่อหน่วยงาน", "the report needs the agency's name")));
            }
            ScoreResult result = ScoringEngine.score(now.framework(), now.input());
            ScoreResult last = null;
            if (previous != null) {
                ScoreInputReader.Read before = read(previous);
                if (before.input().year().compareTo(now.input().year()) >= 0) {
                    throw new InvalidInputException(List.of(new InputProblem("year",
                            "ไฟล์ --previous ต้องเป็นปีก่อนหน้า", "the --previous file must be for an earlier year")));
                }
                last = ScoringEngine.score(before.framework(), before.input());
            }
            int year = now.framework().year().buddhistEra();
            KnowledgeBase kb;
            if (knowledge == null) {
                kb = KnowledgeBaseLoader.shipped(year);
            } else {
                try {
                    kb = KnowledgeBaseLoader.parse(knowledge.toString(), Files.readString(knowledge)).forYear(year);
                } catch (InvalidDefinitionException e) {
                    err.println(e.problems().size() + " problem(s) in " + knowledge + ":");
                    e.problems().forEach(p -> err.println("- " + p.describe()));
                    return OpenItaCommand.BAD_INPUT;
                }
            }
            Analysis analysis = Analyzer.analyze(now.framework(), result, last, now.agency(), kb, AnalysisOptions.DEFAULT);
            boolean confirmed = false;
            if (measures != null) {
                analysis = analysis.withMeasures(MeasuresReader.read(Files.readString(measures), now.framework().year().next()));
                confirmed = true;
            }
            byte[] logoBytes = null;
            if (logo != null) {
                try {
                    logoBytes = readLogo(logo);
                } catch (LogoImage.Refused e) {
                    err.println("- --logo: " + logo + ": " + e.problem().en() + " / " + e.problem().th());
                    return OpenItaCommand.BAD_INPUT;
                }
            }
            ReportOptions options = new ReportOptions(digits == Digits.thai ? DigitStyle.THAI : DigitStyle.ARABIC, reportDate,
                    logoBytes, confirmed);
            Files.write(out, format.get().render(analysis, options));
            spec.commandLine().getOut().println("เขียนรายงานแล้ว / report written: " + out);
            return 0;
        } catch (InvalidInputException e) {
            FrameworkCommands.printInputProblems(err, "ข้อมูลนำเข้าไม่ถูกต้อง / invalid input:", e.problems());
            return OpenItaCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("อ่านหรือเขียนไฟล์ไม่ได้ / cannot read or write a file: " + e.getMessage());
            return OpenItaCommand.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("- --logo: " + e.getMessage());
            return OpenItaCommand.BAD_INPUT;
        }
    }

    /** The logo checked and re-encoded exactly as the agency page does it (a PNG of at most 600 px), read no further than its limit. */
    static byte[] readLogo(Path file) throws IOException, LogoImage.Refused {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) LogoImage.MAX_BYTES + 1);
            if (bytes.length > LogoImage.MAX_BYTES) {
                throw new LogoImage.Refused(LogoImage.Problem.TOO_LARGE);
            }
            return LogoImage.normalize(bytes).png();
        }
    }

    private static ScoreInputReader.Read read(Path file) throws IOException {
        return ScoreInputReader.read(Files.readString(file), FrameworkLoader::findShipped);
    }
}
