package org.openita.server.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.openita.server.cli.internal.AdminCommand;
import org.openita.server.cli.internal.FrameworkCommand;
import org.openita.server.cli.internal.ReportCommand;
import org.openita.server.cli.internal.ScoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code openita} command. */
@Command(name = "openita", mixinStandardHelpOptions = true, versionProvider = OpenItaCommand.Version.class,
        description = {"OpenITA: the Integrity and Transparency Assessment (ITA) of Thai government agencies.",
                "Run with no arguments to start the web application."},
        subcommands = {FrameworkCommand.class, ScoreCommand.class, ReportCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class OpenItaCommand {

    /** Exit code for bad input: a broken definition, a malformed input file, a wrong option. */
    public static final int BAD_INPUT = 2;

    /** Whether the arguments ask for the command line rather than the web application. */
    public static boolean isCommandLine(String[] args) {
        return args.length > 0 && !args[0].startsWith("--spring") && !args[0].startsWith("--server")
                && !args[0].startsWith("--openita") && !args[0].startsWith("--management")
                && !args[0].startsWith("--logging");
    }

    /** Runs a command as the process's only work: its own words on the console, the libraries' logs only from WARN up. */
    public static int run(String[] args) {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new OpenItaCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("openita: " + ex.getMessage());
            err.println("ดูวิธีใช้ / see usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            err.println("openita: " + ex.getMessage());
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OpenItaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"OpenITA " + (v == null ? "development build" : v)};
        }
    }
}
