package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.web.TempFolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Result imports are stored with their progress: another server process (here a second ResultImports on the same
 * database) answers for a job it did not run, and a job left running by a process that stopped ends as failed with
 * nothing of it saved.
 */
class ResultImportJobsIT extends ServerTestSupport {

    @Autowired
    ResultImports imports;
    @Autowired
    OfficialResults results;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    TempFolder temp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherServerProcessAnswersForAJobItDidNotRun() throws Exception {
        String code = "JOB" + UUID.randomUUID().toString().substring(0, 8);
        String name = "องค์การบริหารส่วนตำบลงานนำเข้า" + code;
        registry.importFile("test", "jobs.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + code + "," + name
                + ",อบต.\n").getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        String json = Files.readString(Path.of("..", "examples", "samdet-2568.json")).replace("องค์การบริหารส่วนตำบลสมเด็จ", name);

        ResultImports.Job job = imports.start("job-owner", "samdet.json", ResultFile.Format.JSON,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), AgencyCode.of(code), AgencyCode.of(code)::equals);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!job.done() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(job.done()).isTrue();
        assertThat(job.report().ok()).isTrue();

        ResultImports other = new ResultImports(results, registry, temp, clock, jdbc);
        try {
            ResultImports.Job seen = other.find(job.id(), "job-owner").orElseThrow();
            assertThat(seen.done()).isTrue();
            assertThat(seen.percent()).isEqualTo(100);
            assertThat(seen.fileName()).isEqualTo(job.fileName());
            assertThat(seen.agency()).isEqualTo(AgencyCode.of(code));
            assertThat(seen.report().saved()).isEqualTo(job.report().saved()).isEqualTo(1);
            assertThat(seen.report().rows()).isEqualTo(job.report().rows());
            assertThat(seen.errorCode()).isNull();
            assertThat(other.find(job.id(), "someone-else")).isEmpty();
        } finally {
            other.stop();
        }
    }

    @Test
    void aJobLeftRunningByAStoppedProcessEndsAsFailedWithNothingSaved() {
        String id = UUID.randomUUID().toString();
        Instant long_ago = Instant.now(clock).minus(Duration.ofMinutes(5));
        jdbc.sql("insert into result_import_job (id, owner, file_name, state, rows_read, percent, started_at, updated_at)"
                        + " values (?, 'job-owner', 'big.csv', 'running', 1200, 40, ?, ?)")
                .params(id, Timestamp.from(long_ago), Timestamp.from(long_ago)).update();
        String fresh = UUID.randomUUID().toString();
        Instant now = Instant.now(clock);
        jdbc.sql("insert into result_import_job (id, owner, file_name, state, rows_read, percent, started_at, updated_at)"
                        + " values (?, 'job-owner', 'now.csv', 'running', 10, 5, ?, ?)")
                .params(fresh, Timestamp.from(now), Timestamp.from(now)).update();

        ResultImports.Job job = imports.find(id, "job-owner").orElseThrow();
        assertThat(job.done()).isTrue();
        assertThat(job.errorCode()).isEqualTo("interrupted");
        assertThat(job.errorTh()).contains("ไม่มีข้อมูลใดถูกบันทึก");
        assertThat(job.errorEn()).contains("nothing was saved");
        assertThat(job.report()).isNull();

        // a job whose process still saves its progress is left running, with the progress it saved
        ResultImports.Job running = imports.find(fresh, "job-owner").orElseThrow();
        assertThat(running.done()).isFalse();
        assertThat(running.rows()).isEqualTo(10);
        assertThat(running.percent()).isEqualTo(5);
        jdbc.sql("delete from result_import_job where id in (?, ?)").params(id, fresh).update();
    }

    @Test
    void aProgressPollChecksOnlyTheJobItReadsAndTheSweepEndsEveryStaleOne() {
        Instant longAgo = Instant.now(clock).minus(Duration.ofMinutes(5));
        String polled = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String id : List.of(polled, other)) {
            jdbc.sql("insert into result_import_job (id, owner, file_name, state, rows_read, percent, started_at, updated_at)"
                            + " values (?, 'poll-owner', 'stale.csv', 'running', 100, 10, ?, ?)")
                    .params(id, Timestamp.from(longAgo), Timestamp.from(longAgo)).update();
        }
        String otherRow = "select state || '/' || coalesce(error_code, '-') || '/' || updated_at from result_import_job where id = ?";
        try {
            String otherBefore = jdbc.sql(otherRow).param(other).query(String.class).single();
            assertThat(otherBefore).startsWith("running/-/");
            assertThat(imports.find(polled, "poll-owner").orElseThrow().errorCode()).isEqualTo("interrupted");
            // the poll wrote nothing about the other stale job: it is still as its process left it
            assertThat(jdbc.sql(otherRow).param(other).query(String.class).single()).isEqualTo(otherBefore);

            // the sweep (at start-up and on its schedule) ends it
            assertThat(imports.failInterrupted()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select state || '/' || error_code from result_import_job where id = ?").param(other).query(String.class).single())
                    .isEqualTo("failed/interrupted");
        } finally {
            jdbc.sql("delete from result_import_job where id in (?, ?)").params(polled, other).update();
        }
    }
}
