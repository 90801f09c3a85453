package org.openita.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.publication.internal.OpenData;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=NationalImportLoadHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}.
 * Imports a national results file of 10,000 rows with every column of the 2568 template (per-question and
 * per-OIT-item scores included) into the real embedded PostgreSQL, then exports the year as open data in
 * CSV and JSON, printing wall time and the heap in use sampled every 5 ms. Figures go to docs/benchmarks.md.
 */
class NationalImportLoadHarness extends ServerTestSupport {

    static final int ROWS = 10_000;

    @Autowired
    AgencyRegistry registry;
    @Autowired
    ResultImports imports;
    @Autowired
    OpenData openData;

    /** The highest heap in use while {@code work} runs, above what was in use before it, in MB. */
    static double peakHeapMb(ThrowingRunnable work) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            work.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return (peak.get() - base) / 1e6;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void tenThousandRows() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("openita.bench"), "load harness: run with -Dopenita.bench=true");
        StringBuilder reg = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด\n");
        for (int i = 0; i < ROWS; i++) {
            reg.append(String.format("B%05d,องค์การบริหารส่วนตำบลทดสอบที่ %d,อบต.,อำเภอ%d,จังหวัด%d%n", i, i, i % 900, i % 77));
        }
        long t0 = System.nanoTime();
        var regReport = registry.importFile("bench", "bench.csv", new ByteArrayInputStream(reg.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        System.out.printf("BENCH registry: %d agencies in %.1f s%n", regReport.created(), (System.nanoTime() - t0) / 1e9);

        FrameworkDefinition def = FrameworkLoader.shipped(2568);
        StringBuilder head = new StringBuilder("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,IIT,EIT,EIT ส่วนที่ 1,EIT ส่วนที่ 2,OIT");
        for (int i = 1; i <= 10; i++) {
            head.append(",ตัวชี้วัดที่ ").append(i);
        }
        def.questions().stream().filter(Question::scored).forEach(q -> head.append(',').append(q.code()));
        def.oitItems().forEach(o -> head.append(',').append(o.code()));
        Path file = Files.createTempFile("national-2568-", ".csv");
        Random random = new Random(2568);
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(head.append('\n').toString());
            for (int i = 0; i < ROWS; i++) {
                StringBuilder r = new StringBuilder(String.format("B%05d,2568,%.2f", i, 60 + random.nextDouble() * 40));
                for (int k = 0; k < 5 + 10; k++) {
                    r.append(String.format(",%.2f", 60 + random.nextDouble() * 40));
                }
                def.questions().stream().filter(Question::scored).forEach(q -> r.append(String.format(",%.2f", 50 + random.nextDouble() * 50)));
                for (OitItem o : def.oitItems()) {
                    r.append(random.nextInt(10) == 0 ? ",0" : ",100");
                }
                w.write(r.append('\n').toString());
            }
        }
        System.out.printf("BENCH file: %d rows, %.1f MB, %d columns%n", ROWS, Files.size(file) / 1e6, head.toString().split(",").length);

        Path slice = Files.createTempFile("national-2568-2000-", ".csv");
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            Files.write(slice, lines.limit(2001).toList(), StandardCharsets.UTF_8);
        }
        OfficialResults.Report[] report = new OfficialResults.Report[1];
        long[] took = new long[1];
        double sliceHeap = peakHeapMb(() -> {
            long s = System.nanoTime();
            try (var in = Files.newInputStream(slice)) {
                report[0] = imports.run("bench", ResultFile.Format.CSV, in, c -> true);
            }
            took[0] = System.nanoTime() - s;
        });
        System.out.printf("BENCH import 2,000 rows: %d saved in %.1f s, peak heap above baseline %.0f MB%n",
                report[0].saved(), took[0] / 1e9, sliceHeap);
        double heap = peakHeapMb(() -> {
            long s = System.nanoTime();
            try (var in = Files.newInputStream(file)) {
                report[0] = imports.run("bench", ResultFile.Format.CSV, in, c -> true);
            }
            took[0] = System.nanoTime() - s;
        });
        assertThat(report[0].problems()).isEmpty();
        System.out.printf("BENCH import: %d rows saved in %.1f s (%.0f rows/s), peak heap above baseline %.0f MB%n",
                report[0].saved(), took[0] / 1e9, ROWS / (took[0] / 1e9), heap);

        for (String format : new String[] {"csv", "json"}) {
            long[] bytes = new long[1];
            int[] count = new int[1];
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            };
            long[] exportTook = new long[1];
            double exportHeap = peakHeapMb(() -> {
                long s = System.nanoTime();
                count[0] = format.equals("csv") ? openData.csv(2568, counting) : openData.json(2568, counting);
                exportTook[0] = System.nanoTime() - s;
            });
            System.out.printf("BENCH open data %s: %d agencies, %.1f MB in %.2f s, peak heap above baseline %.0f MB%n",
                    format, count[0], bytes[0] / 1e6, exportTook[0] / 1e9, exportHeap);
        }
    }
}
