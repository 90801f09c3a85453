package org.openita.report;

import java.util.Locale;
import java.util.Optional;
import org.openita.core.analysis.Analysis;

/** The three forms of the report, with their file extension and media type. */
public enum ReportFormat {
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html;charset=UTF-8");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ReportFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (lower.endsWith("." + f.extension) || (f == HTML && lower.endsWith(".htm"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<ReportFormat> of(String extension) {
        for (ReportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Builds the report from the analysis and renders it in this format. */
    public byte[] render(Analysis analysis, ReportOptions options) {
        return render(ReportBuilder.build(analysis, options), options);
    }

    /** Builds the follow-up report from the recorded progress and renders it in this format. */
    public byte[] render(FollowUp followUp, ReportOptions options) {
        return render(FollowUpReportBuilder.build(followUp, options), options);
    }

    private byte[] render(ReportDocument doc, ReportOptions options) {
        return switch (this) {
            case DOCX -> DocxRenderer.render(doc, options.digits());
            case PDF -> PdfRenderer.render(doc, options.digits());
            case HTML -> HtmlRenderer.render(doc, options.digits()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }
}
