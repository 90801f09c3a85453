package org.openita.server.oit.internal.fetch;

/**
 * The readable text of a fetched link.
 *
 * @param kind  what the bytes were read as
 * @param title the page's or document's title, null when none
 * @param text  the text (at most {@link TextExtractor#MAX_CHARS} characters), empty when none could be read
 */
record DocumentText(Kind kind, String title, String text) {

    enum Kind { HTML, PDF, DOCX, XLSX, TEXT, OTHER }

    boolean hasText() {
        return !text.isBlank();
    }
}
