package org.openita.server.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openita.core.framework.DefinitionProblem;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.server.cli.OpenItaCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openita framework validate FILE} and {@code openita framework show --year Y}. */
@Command(name = "framework", mixinStandardHelpOptions = true,
        description = "Check or show ITA framework definitions (one YAML file per fiscal year).",
        subcommands = {FrameworkCommand.Validate.class, FrameworkCommand.Show.class})
public final class FrameworkCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a framework definition file and list every problem found.",
                    "Exit code 0 when the file is valid, 2 when it has problems."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The YAML definition to check.")
        Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("ไม่พบไฟล์ / file not found: " + file);
                return OpenItaCommand.BAD_INPUT;
            }
            FrameworkLoader.Result r = FrameworkLoader.check(file.toString(), Files.readString(file));
            if (r.problems().isEmpty()) {
                FrameworkDefinition d = r.definition().orElseThrow();
                out.println("ถูกต้อง / valid: " + file + " (fiscal year " + d.year() + ", version " + d.version() + ")");
                return 0;
            }
            err.println("พบปัญหา " + r.problems().size() + " รายการ / " + r.problems().size() + " problem(s) in " + file + ":");
            for (DefinitionProblem p : r.problems()) {
                String where = p.line() > 0 ? "line " + p.line() : "";
                err.println("- " + where + (p.path().isEmpty() ? "" : (where.isEmpty() ? "" : ", ") + p.path()));
                err.println("    " + p.en());
                err.println("    " + p.th());
            }
            return OpenItaCommand.BAD_INPUT;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a readable summary of a fiscal year's framework.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--year", paramLabel = "YEAR", description = "Buddhist-era fiscal year, e.g. 2568.")
        Integer year;

        @Option(names = "--file", paramLabel = "FILE", description = "Show this definition file instead of a shipped one.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if ((year == null) == (file == null)) {
                err.println("ระบุ --year หรือ --file อย่างใดอย่างหนึ่ง / give either --year or --file");
                return OpenItaCommand.BAD_INPUT;
            }
            FrameworkDefinition d;
            if (file != null) {
                var r = FrameworkCommands.loadFile(file, err);
                if (r == null) {
                    return OpenItaCommand.BAD_INPUT;
                }
                d = r;
            } else if (!FrameworkLoader.shippedYears().contains(year)) {
                err.println("ไม่มีเกณฑ์ของปี " + year + " / no framework ships for fiscal year " + year
                        + "; shipped: " + FrameworkLoader.shippedYears());
                return OpenItaCommand.BAD_INPUT;
            } else {
                d = FrameworkLoader.shipped(year);
            }
            spec.commandLine().getOut().print(FrameworkSummary.of(d));
            return 0;
        }
    }
}
