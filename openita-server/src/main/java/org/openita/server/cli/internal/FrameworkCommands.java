package org.openita.server.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openita.core.framework.DefinitionProblem;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.interchange.InputProblem;

/** Helpers shared by the commands: loading a definition file and printing problems instead of throwing. */
final class FrameworkCommands {

    private FrameworkCommands() {
    }

    /** Prints each input problem as "- field: English" and its Thai line below. */
    static void printInputProblems(PrintWriter err, String heading, List<InputProblem> problems) {
        err.println(heading);
        for (InputProblem p : problems) {
            err.println("- " + (p.field().isEmpty() ? "(document)" : p.field()) + ": " + p.en());
            err.println("  " + p.th());
        }
    }

    static FrameworkDefinition loadFile(Path file, PrintWriter err) {
        try {
            FrameworkLoader.Result r = FrameworkLoader.check(file.toString(), Files.readString(file));
            if (!r.problems().isEmpty()) {
                err.println(r.problems().size() + " problem(s) in " + file + "; run: openita framework validate " + file);
                r.problems().stream().map(DefinitionProblem::describe).forEach(err::println);
                return null;
            }
            return r.definition().orElseThrow();
        } catch (IOException e) {
            err.println("อ่านไฟล์ไม่ได้ / cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }
}
