package org.openita.server.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openita.server.cli.OpenItaCommand;
import org.openita.server.database.DataDirectoryInUseException;
import org.openita.server.database.DataFolderDatabase;
import org.openita.server.identity.PasswordRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openita admin ...}: looking after a server's accounts from the machine it runs on. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Look after accounts on the machine OpenITA runs on.",
        subcommands = AdminCommand.ResetPassword.class)
public final class AdminCommand {

    /** Exit code when the data folder is held by a running server. */
    static final int IN_USE = 3;

    /** {@code openita admin reset-password USER [--data-folder DIR]}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = {"Give an account a new one-time password, printed here; it must be changed at the next sign-in.",
                    "Lifts a lockout, ends the account's sessions and revokes its API tokens and reset links; audited.",
                    "Run it while the server is stopped: it starts the embedded database of the data folder itself.",
                    "Exit code 0 on success, 2 for an unknown account or data folder, 3 when a running server holds the folder."})
    static final class ResetPassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "The account's username, e.g. admin.")
        String username;

        @Option(names = "--data-folder", paramLabel = "DIR",
                description = "OpenITA's data folder (the one holding pgdata); default: OPENITA_HOME, else ~/.openita.")
        Path dataFolder;

        @Override
        public Integer call() throws IOException {
            return resetPassword(spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        private int resetPassword(PrintWriter out, PrintWriter err) throws IOException {
            String actor = "command-line:" + System.getProperty("user.name", "unknown");
            String externalUrl = System.getenv("OPENITA_DB_URL");
            if (externalUrl != null && !externalUrl.isBlank()) {
                var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(externalUrl,
                        System.getenv().getOrDefault("OPENITA_DB_USER", ""), System.getenv().getOrDefault("OPENITA_DB_PASSWORD", ""));
                return report(PasswordRecovery.reset(ds, null, username, actor), out, err);
            }
            Path dataDirectory = dataDirectory();
            if (!Files.isDirectory(dataDirectory)) {
                err.println("ไม่พบฐานข้อมูลของ OpenITA ที่ " + dataDirectory + " ระบุโฟลเดอร์ข้อมูลด้วย --data-folder");
                err.println("No OpenITA database at " + dataDirectory + ". Give the data folder with --data-folder (the folder holding pgdata).");
                return OpenItaCommand.BAD_INPUT;
            }
            try (DataFolderDatabase db = DataFolderDatabase.open(dataDirectory)) {
                return report(PasswordRecovery.reset(db.dataSource(), dataDirectory, username, actor), out, err);
            } catch (DataDirectoryInUseException e) {
                err.println("โฟลเดอร์ข้อมูล " + dataDirectory.getParent() + " กำลังถูกใช้โดยเซิร์ฟเวอร์ OpenITA ที่เปิดอยู่");
                err.println("  ปิดเซิร์ฟเวอร์ก่อนแล้วสั่งคำสั่งนี้อีกครั้ง (หรือให้ผู้ดูแลระบบส่วนกลางคนอื่นส่งลิงก์ตั้งรหัสผ่านใหม่จากหน้าผู้ใช้งาน)");
                err.println("The data folder " + dataDirectory.getParent() + " is in use by a running OpenITA server.");
                err.println("  Stop the server, then run this command again (or have another central administrator send a reset link from the People page).");
                return IN_USE;
            }
        }

        private Path dataDirectory() {
            if (dataFolder == null) {
                return DataFolderDatabase.defaultDataDirectory();
            }
            Path folder = dataFolder.toAbsolutePath().normalize();
            // the pgdata folder itself is understood too
            return Files.exists(folder.resolve("PG_VERSION")) ? folder : folder.resolve("pgdata");
        }

        private int report(Optional<PasswordRecovery.Outcome> outcome, PrintWriter out, PrintWriter err) {
            if (outcome.isEmpty()) {
                err.println("ไม่มีบัญชีชื่อ " + username + " / no account named " + username);
                return OpenItaCommand.BAD_INPUT;
            }
            PasswordRecovery.Outcome o = outcome.get();
            out.println("รหัสผ่านครั้งเดียวใหม่ของ " + o.username() + " / new one-time password for " + o.username() + ":");
            out.println();
            out.println("    " + o.oneTimePassword());
            out.println();
            out.println("เข้าสู่ระบบที่ /login ด้วยรหัสผ่านนี้ แล้วระบบจะให้ตั้งรหัสผ่านใหม่ทันที");
            out.println("Sign in at /login with it; you will be asked to choose a new password at once.");
            out.println("เซสชันเดิม " + o.sessionsEnded() + " รายการสิ้นสุดแล้ว และโทเค็น API ของบัญชีนี้ถูกเพิกถอน / "
                    + o.sessionsEnded() + " session(s) ended; the account's API tokens are revoked.");
            if (o.disabled()) {
                out.println("คำเตือน: บัญชีนี้ถูกระงับการใช้งาน จะเข้าสู่ระบบได้เมื่อผู้ดูแลระบบส่วนกลางเปิดใช้งานอีกครั้ง");
                out.println("Warning: this account is disabled; it can sign in only after a central administrator enables it again.");
            }
            return 0;
        }
    }
}
