package org.openita.server.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.interchange.InvalidInputException;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.interchange.ScoreResultWriter;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.cli.OpenItaCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openita score --year 2568 --input FILE [--format json|table]}. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Compute indicator, tool and overall scores and the level from an input file.",
                "The input is JSON (docs/schemas/score-input.schema.json); any sensible subset is accepted.",
                "Exit code 0 on success, 2 when the input is malformed."})
public final class ScoreCommand implements Callable<Integer> {

    enum Format { json, table }

    @Spec
    CommandSpec spec;

    @Option(names = "--year", paramLabel = "YEAR", description = "Fiscal year (B.E.); must match the input's year if both are given.")
    Integer year;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The JSON input file.")
    Path input;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or table.")
    Format format;

    @Option(names = "--framework", paramLabel = "FILE", description = "Use this framework definition file instead of the shipped one.")
    Path frameworkFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String json;
        try {
            json = Files.readString(input);
        } catch (IOException e) {
            err.println("อ่านไฟล์ไม่ได้ / cannot read " + input + ": " + e.getMessage());
            return OpenItaCommand.BAD_INPUT;
        }
        FrameworkDefinition custom = null;
        if (frameworkFile != null) {
            custom = FrameworkCommands.loadFile(frameworkFile, err);
            if (custom == null) {
                return OpenItaCommand.BAD_INPUT;
            }
        }
        FrameworkDefinition fixed = custom;
        ScoreInputReader.Read read;
        try {
            read = ScoreInputReader.read(json, y -> fixed != null
                    ? Optional.of(fixed).filter(d -> d.year().buddhistEra() == y)
                    : FrameworkLoader.findShipped(y));
        } catch (InvalidInputException e) {
            FrameworkCommands.printInputProblems(err, "ข้อมูลนำเข้าไม่ถูกต้อง / invalid input in " + input + ":", e.problems());
            return OpenItaCommand.BAD_INPUT;
        }
        if (year != null && year != read.input().year().buddhistEra()) {
            err.println("- year: --year " + year + " does not match the input's year " + read.input().year());
            err.println("  --year " + year + " ไม่ตรงกับปีในไฟล์ " + read.input().year());
            return OpenItaCommand.BAD_INPUT;
        }
        ScoreResult result = ScoringEngine.score(read.framework(), read.input());
        out.print(format == Format.json ? ScoreResultWriter.json(result) + "\n" : ScoreResultWriter.table(result, read.framework()));
        return 0;
    }
}
