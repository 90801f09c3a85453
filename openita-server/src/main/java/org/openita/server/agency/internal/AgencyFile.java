package org.openita.server.agency.internal;

import org.openita.server.agency.ImportProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openita.server.upload.TableReader;
import org.openita.server.web.TextInput;

/** Reads the rows of a registry file (CSV in UTF-8 or Windows-874, or the first sheet of an XLSX) by column, streamed and within limits. */
public final class AgencyFile {

    /** One data row: its number as the user sees it in the file (the header is row 1), and its cells. */
    public record RawRow(int number, Map<AgencyColumns, String> cells) {
    }

    /**
     * The rows, or the problems that stop the file from being read at all (e.g. a missing column).
     *
     * @param encoding the text encoding a CSV was read in ({@code UTF-8} or {@code windows-874}); null for XLSX
     */
    public record Contents(List<RawRow> rows, List<ImportProblem> problems, String encoding) {
    }

    private AgencyFile() {
    }

    /** Reads a registry table: CSV or XLSX, by the file's name, within {@link TableReader}'s limits. */
    public static Contents read(String fileName, Path file) throws IOException {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        List<List<String>> table = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        TableReader reader = new TableReader(file, lower.endsWith(".xlsx") ? TableReader.Kind.XLSX : TableReader.Kind.CSV);
        reader.read(new TableReader.Sink() {
            @Override
            public void header(List<String> columns) {
                if (!columns.isEmpty()) {
                    table.add(columns);
                    numbers.add(1);
                }
            }

            @Override
            public void row(int number, List<String> cells) {
                table.add(cells);
                numbers.add(number);
            }
        });
        String encoding = reader.encoding() == null ? null : reader.encoding().label();
        List<ImportProblem> problems = new ArrayList<>();
        if (table.isEmpty()) {
            problems.add(new ImportProblem(1, "", "ไฟล์ว่าง ไม่มีแถวหัวตาราง", "the file is empty: no header row"));
            return new Contents(List.of(), problems, encoding);
        }
        List<String> header = table.get(0);
        Map<Integer, AgencyColumns> byIndex = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h == null || (h.isBlank() && TextInput.firstRefused(h) < 0)) {
                continue;
            }
            var col = AgencyColumns.ofHeader(h);
            if (col.isEmpty()) {
                String quoted = TableReader.quoted(h);
                problems.add(new ImportProblem(1, quoted, "ไม่รู้จักคอลัมน์ \"" + quoted + "\"", "unknown column \"" + quoted + "\""));
            } else if (byIndex.containsValue(col.get())) {
                // which of the two would count? Neither: the cells of one would be dropped unread
                problems.add(new ImportProblem(1, col.get().thai, "คอลัมน์ \"" + col.get().thai + "\" ซ้ำ", "column \"" + col.get().thai + "\" appears twice"));
            } else {
                byIndex.put(i, col.get());
            }
        }
        for (AgencyColumns c : AgencyColumns.values()) {
            if (c.required && !byIndex.containsValue(c)) {
                problems.add(new ImportProblem(1, c.thai, "ไม่มีคอลัมน์ที่ต้องมี \"" + c.thai + "\"", "required column \"" + c.thai + "\" is missing"));
            }
        }
        if (!problems.isEmpty()) {
            return new Contents(List.of(), problems, encoding);
        }
        List<RawRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<AgencyColumns, String> m = new EnumMap<>(AgencyColumns.class);
            byIndex.forEach((i, c) -> m.put(c, i < cells.size() && cells.get(i) != null ? TextInput.trim(cells.get(i)) : ""));
            rows.add(new RawRow(numbers.get(r), m));
        }
        return new Contents(rows, problems, encoding);
    }
}
