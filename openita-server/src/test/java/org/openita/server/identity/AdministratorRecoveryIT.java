package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openita.server.OpenItaApplication;
import org.openita.server.cli.OpenItaCommand;
import org.openita.server.identity.internal.FirstAdministrator;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Getting back into a server, each on a data folder of its own: a first start that fails after creating
 * {@code admin} shows its one-time password again on the next start until it is used, with the port-taken
 * failure explained; {@code openita admin reset-password} gives a stopped server's administrator a new one.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorRecoveryIT {

    private static final Pattern SHOWN = Pattern.compile("รหัสผ่านครั้งเดียว: (\\w{16})");

    private static ConfigurableApplicationContext start(Path home, int port) {
        return new SpringApplicationBuilder(OpenItaApplication.class).run("--server.port=" + port,
                "--openita.embedded-db.data-directory=" + home.resolve("pgdata"), "--openita.temp-directory=" + home.resolve("tmp"));
    }

    private static MockMvc mvc(ConfigurableApplicationContext app) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private static String shownPassword(String output) {
        Matcher m = SHOWN.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpenItaCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aFirstStartThatFailsOnATakenPortShowsTheOneTimePasswordAgainUntilItIsUsed(CapturedOutput output) throws Exception {
        Path home = ServerTestSupport.freshDirectory("openita-first-start-");
        Path kept = home.resolve(FirstAdministrator.FILE_NAME);
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> start(home, port)).hasCauseInstanceOf(PortInUseException.class)
                    .hasRootCauseInstanceOf(java.net.BindException.class);
            String failed = output.getOut() + output.getErr();
            assertThat(failed).contains("Port " + port + " is already in use by another program")
                    .contains("พอร์ต " + port + " มีโปรแกรมอื่นใช้อยู่")
                    .contains("java -jar openita.jar --server.port=" + (port + 1))
                    .contains("set PORT=" + (port + 1))
                    .contains("เปิด OpenITA ที่พอร์ตอื่น");
        }
        String first = shownPassword(output.getOut());
        assertThat(Files.readString(kept, StandardCharsets.UTF_8).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start(home, 0)) {
            String again = output.getOut().substring(before);
            assertThat(again).contains("still unused / รหัสผ่านครั้งเดียวของผู้ดูแลระบบคนแรกยังไม่ได้ใช้");
            assertThat(shownPassword(again)).isEqualTo(first);

            // the only central administrator here: it can be neither disabled nor demoted
            MockMvc mvc = mvc(app);
            String refused = mvc.perform(post("/users/admin/disable").with(user("admin").roles("CENTRAL_ADMIN")).with(csrf()))
                    .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("ผู้ดูแลระบบส่วนกลางคนสุดท้ายที่ใช้งานได้");
            mvc.perform(post("/users/admin").param("role", "VIEWER").param("access", "")
                    .with(user("admin").roles("CENTRAL_ADMIN")).with(csrf())).andExpect(status().isConflict());
            UserAccounts accounts = app.getBean(UserAccounts.class);
            assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
            assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo(Role.CENTRAL_ADMIN);
            // with a second one, the first may be demoted
            accounts.create("test", "second-central", "ผู้ดูแลคนที่สอง", Role.CENTRAL_ADMIN, "second-central-1", false);
            mvc.perform(post("/users/admin").param("role", "VIEWER").with(user("second-central").roles("CENTRAL_ADMIN")).with(csrf()))
                    .andExpect(redirectedUrl("/users/admin?done=saved"));
            mvc.perform(post("/users/second-central/disable").with(user("second-central").roles("CENTRAL_ADMIN")).with(csrf()))
                    .andExpect(status().isConflict());
            mvc.perform(post("/users/admin").param("role", "CENTRAL_ADMIN").with(user("second-central").roles("CENTRAL_ADMIN")).with(csrf()))
                    .andExpect(redirectedUrl("/users/admin?done=saved"));

            // used: the one-time password signs in, and once replaced it is kept no longer
            mvc.perform(formLogin("/login").user("admin").password(first)).andExpect(redirectedUrl("/account/password"));
            accounts.changePassword("admin", "chosen-by-the-admin");
            assertThat(kept).doesNotExist();
        }
    }

    @Test
    void theCommandLineGivesAStoppedServersAdministratorANewOneTimePassword(CapturedOutput output) throws Exception {
        Path home = ServerTestSupport.freshDirectory("openita-recovery-");
        String first;
        try (ConfigurableApplicationContext app = start(home, 0)) {
            first = shownPassword(output.getOut());
            Run inUse = cli("admin", "reset-password", "admin", "--data-folder", home.toString());
            assertThat(inUse.exit()).as(inUse.err()).isEqualTo(3);
            assertThat(inUse.err()).contains("is in use by a running OpenITA server").contains("กำลังถูกใช้โดยเซิร์ฟเวอร์ OpenITA ที่เปิดอยู่")
                    .contains("Stop the server");
            assertThat(inUse.out()).isEmpty();
        }
        Run unknown = cli("admin", "reset-password", "nobody", "--data-folder", home.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no account named nobody");
        Run noFolder = cli("admin", "reset-password", "admin", "--data-folder", home.resolve("not-here").toString());
        assertThat(noFolder.exit()).isEqualTo(2);
        assertThat(noFolder.err()).contains("No OpenITA database at");

        Path kept = home.resolve(FirstAdministrator.FILE_NAME);
        assertThat(kept).exists();
        long started = System.nanoTime();
        Run reset = cli("admin", "reset-password", "admin", "--data-folder", home.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reset.exit()).as(reset.err()).isZero();
        Matcher m = Pattern.compile("^    (\\w{16})$", Pattern.MULTILINE).matcher(reset.out());
        assertThat(m.find()).as(reset.out()).isTrue();
        String fresh = m.group(1);
        assertThat(fresh).isNotEqualTo(first);
        assertThat(reset.out()).contains("new one-time password for admin").contains("choose a new password");
        assertThat(kept).as("the first one-time password is dead: not kept").doesNotExist();
        System.out.println("openita admin reset-password took " + millis + " ms");

        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start(home, 0)) {
            assertThat(output.getOut().substring(before)).as("the first password is no longer the account's").doesNotContain(first);
            MockMvc mvc = mvc(app);
            mvc.perform(formLogin("/login").user("admin").password(first)).andExpect(redirectedUrl("/login?error"));
            mvc.perform(formLogin("/login").user("admin").password(fresh)).andExpect(redirectedUrl("/account/password"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select actor from audit_event where action = 'ONE_TIME_PASSWORD_SET' and subject = 'user:admin'")
                    .query(String.class).single()).startsWith("command-line:");
        }
    }
}
