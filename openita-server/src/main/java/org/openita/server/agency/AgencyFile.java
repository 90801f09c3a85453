package org.openita.server.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads the rows of a registry file (CSV in UTF-8, or the first sheet of an XLSX) by column. */
final class AgencyFile {

    /** One data row: its number as the user sees it in the file (the header is row 1), and its cells. */
    record RawRow(int number, Map<AgencyColumns, String> cells) {
    }

    /** The rows, or the problems that stop the file from being read at all (e.g. a missing column). */
    record Contents(List<RawRow> rows, List<ImportProblem> problems) {
    }

    private AgencyFile() {
    }

    static Contents read(String fileName, InputStream in) throws IOException {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        List<List<String>> table = lower.endsWith(".xlsx") ? xlsx(in) : csv(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<ImportProblem> problems = new ArrayList<>();
        if (table.isEmpty()) {
            problems.add(new ImportProblem(1, "", "ไฟล์ว่าง ไม่มีแถวหัวตาราง", "the file is empty: no header row"));
            return new Contents(List.of(), problems);
        }
        List<String> header = table.get(0);
        Map<Integer, AgencyColumns> byIndex = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h == null || h.isBlank()) {
                continue;
            }
            var col = AgencyColumns.ofHeader(h);
            if (col.isEmpty()) {
                problems.add(new ImportProblem(1, h, "ไม่รู้จักคอลัมน์ \"" + h + "\"", "unknown column \"" + h + "\""));
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
            return new Contents(List.of(), problems);
        }
        List<RawRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<AgencyColumns, String> m = new EnumMap<>(AgencyColumns.class);
            byIndex.forEach((i, c) -> m.put(c, i < cells.size() && cells.get(i) != null ? cells.get(i).trim() : ""));
            rows.add(new RawRow(r + 1, m));
        }
        return new Contents(rows, problems);
    }

    private static List<List<String>> csv(Reader reader) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord rec : parser) {
                out.add(rec.toList());
            }
        }
        return out;
    }

    private static List<List<String>> xlsx(InputStream in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                }
                out.add(cells);
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IOException("not an XLSX workbook", e);
        }
        return out;
    }
}
