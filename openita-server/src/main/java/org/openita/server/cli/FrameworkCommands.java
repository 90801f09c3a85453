package org.openita.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openita.core.framework.DefinitionProblem;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;

/** Loading a definition file for a command, printing problems instead of throwing. */
final class FrameworkCommands {

    private FrameworkCommands() {
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
