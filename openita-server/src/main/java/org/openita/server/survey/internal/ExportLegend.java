package org.openita.server.survey.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.openita.core.framework.AnswerOption;
import org.openita.core.framework.AnswerScale;

/**
 * The two sheets after the responses in an XLSX export: what each column of the responses is (its header, answer key,
 * question number, wording, scale) and every option of the scales used, with its label, so that a number in a
 * response cell can be read without the definition file.
 */
final class ExportLegend {

    private ExportLegend() {
    }

    static void write(Workbook wb, ExportColumns columns, ResponseExport.Scope scope, CellStyle bold, CellStyle wrap,
                      BiFunction<String, Object[], String> text) {
        String optionsName = text.apply("surveys.export.sheet.options", null);
        Sheet sheet = wb.createSheet(text.apply("surveys.export.sheet.columns", null));
        row(sheet, 0, bold, List.of(text.apply("surveys.export.legend.column", null), text.apply("surveys.export.legend.header", null),
                text.apply("surveys.export.legend.key", null), text.apply("surveys.export.legend.number", null),
                text.apply("surveys.export.legend.wording", null), text.apply("surveys.export.legend.scale", null),
                text.apply("surveys.export.legend.note", null)));
        int r = 1;
        List<ExportColumns.Column> all = columns.all();
        for (int i = 0; i < all.size(); i++) {
            ExportColumns.Column c = all.get(i);
            String letter = CellReference.convertNumToColString(i);
            if (c.kind() != ExportColumns.Kind.ANSWER) {
                String what = "surveys.export.col." + c.kind().name().toLowerCase(java.util.Locale.ROOT) + ".desc";
                row(sheet, r++, null, List.of(letter, c.header(), "", "", text.apply(what, null), "", ""));
            } else if (c.scale() == null) {
                row(sheet, r++, null, List.of(letter, c.header(), c.key(), "", "", "", text.apply("surveys.export.legend.unknown", null)));
            } else {
                String note = text.apply("surveys.export.legend.answerCodes", new Object[] {optionsName})
                        + (c.reversed() ? " " + text.apply("surveys.export.legend.reversed", null) : "");
                row(sheet, r++, null, List.of(letter, c.header(), c.key(), c.number(), c.wording(), c.scale().name().in(columns.locale()), note));
            }
        }
        r++;
        if (scope.part() == SurveyPart.IIT) {
            row(sheet, r, wrap, List.of(text.apply("surveys.export.legend.iitNote", new Object[] {ResponseExport.IIT_SMALLEST})));
        }
        for (int i = 0; i < 7; i++) {
            sheet.setColumnWidth(i, 256 * (i == 1 || i == 4 || i == 6 ? 48 : 12));
        }

        Sheet options = wb.createSheet(optionsName);
        row(options, 0, bold, List.of(text.apply("surveys.export.legend.scale", null), text.apply("surveys.export.legend.option", null),
                text.apply("surveys.export.legend.label", null), text.apply("surveys.export.legend.usedBy", null)));
        int o = 1;
        for (Map.Entry<AnswerScale, List<String>> e : columns.scales().entrySet()) {
            String used = String.join(", ", e.getValue());
            for (AnswerOption option : e.getKey().options()) {
                Row row = options.createRow(o++);
                row.createCell(0).setCellValue(e.getKey().name().in(columns.locale()));
                if (ExportColumns.numeric(option.code())) {
                    row.createCell(1).setCellValue(Long.parseLong(option.code()));
                } else {
                    row.createCell(1).setCellValue(option.code());
                }
                row.createCell(2).setCellValue(option.label().in(columns.locale()));
                row.createCell(3).setCellValue(used);
            }
        }
        options.setColumnWidth(0, 256 * 40);
        options.setColumnWidth(2, 256 * 36);
        options.setColumnWidth(3, 256 * 40);
    }

    private static void row(Sheet sheet, int index, CellStyle style, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
            if (style != null) {
                row.getCell(i).setCellStyle(style);
            }
        }
    }
}
