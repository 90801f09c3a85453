package org.openita.server.agency.internal;

import org.openita.server.agency.Agency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openita.server.web.CsvOut;

/** Writes the registry in the same columns the import reads, so an export can be edited and imported back. */
final class AgencyExport {

    private AgencyExport() {
    }

    static List<String> cells(Agency a) {
        List<String> c = new ArrayList<>();
        c.add(a.code().value());
        c.add(a.nameTh());
        c.add(nz(a.nameEn()));
        c.add(a.type().thai());
        c.add(nz(a.size()));
        c.add(nz(a.assessmentGroup()));
        c.add(nz(a.parentCode()));
        c.add(nz(a.province()));
        c.add(nz(a.district()));
        c.add(nz(a.website()));
        c.add(a.staffCount() == null ? "" : a.staffCount().toString());
        c.add(String.join("; ", a.units()));
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Through {@link CsvOut}: UTF-8 with a byte-order mark so Excel opens the Thai text, would-be formulas made text. */
    static byte[] csv(List<Agency> agencies) {
        return CsvOut.of(AgencyColumns.thaiHeaders(), agencies.stream().map(AgencyExport::cells).toList());
    }

    static byte[] xlsx(List<Agency> agencies) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("หน่วยงาน");
            XSSFRow head = sheet.createRow(0);
            List<String> headers = AgencyColumns.thaiHeaders();
            org.apache.poi.xssf.usermodel.XSSFCellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(1, 40 * 256);
            for (int r = 0; r < agencies.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<String> cells = cells(agencies.get(r));
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
