package org.openita.server.upload.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.openita.server.upload.TableReader;
import org.openita.server.upload.UnreadableFileException;

/**
 * Checks an uploaded workbook before any XML in it is parsed: at most {@link #MAX_ENTRIES} parts, each no
 * larger, once inflated, than its kind allows, and no more than {@link #MAX_TOTAL} in all. Sizes are counted
 * by inflating each part (what an archive declares can lie), and the check stops at the first part that
 * goes over, so a small file that would expand to gigabytes costs at most one limit's worth of work and no
 * memory. The parts POI reads whole (shared strings, styles, the workbook, relationships, content types)
 * get small limits; worksheets, which are streamed, a larger one.
 */
public final class WorkbookCheck {

    static final int MAX_ENTRIES = 500;
    static final long MAX_WORKSHEET = 128L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS = 16L * 1024 * 1024;
    static final long MAX_OTHER = 4L * 1024 * 1024;
    static final long MAX_MEDIA = 16L * 1024 * 1024;
    static final long MAX_TOTAL = 256L * 1024 * 1024;

    private WorkbookCheck() {
    }

    public static long limitFor(String name) {
        if (name.startsWith("xl/worksheets/") && !name.contains("/_rels/")) {
            return MAX_WORKSHEET;
        }
        if (name.equals("xl/sharedStrings.xml")) {
            return MAX_SHARED_STRINGS;
        }
        if (name.startsWith("xl/media/") || name.startsWith("xl/embeddings/") || name.startsWith("docProps/thumbnail")) {
            return MAX_MEDIA;
        }
        return MAX_OTHER;
    }

    /** Refuses the workbook, saying which part and why, when it goes over a limit or is not a ZIP archive. */
    public static void check(Path file) throws UnreadableFileException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableFileException("สมุดงานมีส่วนประกอบมากเกิน " + MAX_ENTRIES + " ส่วน",
                            "the workbook has more than " + MAX_ENTRIES + " parts", null);
                }
                long limit = limitFor(entry.getName());
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > limit || total > MAX_TOTAL) {
                            String part = TableReader.quoted(entry.getName());
                            long mb = (size > limit ? limit : MAX_TOTAL) / (1024 * 1024);
                            throw new UnreadableFileException(
                                    "สมุดงานใหญ่เกินกว่าที่รับได้เมื่อขยายออก: ส่วน " + part + " เกิน " + mb + " MB ให้ใช้แบบฟอร์มของระบบ",
                                    "the workbook is too large once expanded: part " + part + " is over " + mb + " MB; use the template", null);
                        }
                    }
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้", "the file is not a readable XLSX workbook", e);
        }
    }
}
