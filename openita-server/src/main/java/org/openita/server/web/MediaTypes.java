package org.openita.server.web;

/** Media types the pages and the API exchange that Spring does not name. */
public final class MediaTypes {

    /** An Excel workbook (.xlsx). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MediaTypes() {
    }
}
