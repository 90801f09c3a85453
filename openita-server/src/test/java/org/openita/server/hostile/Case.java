package org.openita.server.hostile;

/**
 * One generated input.
 *
 * @param stream the importer and format it is for, e.g. results-csv
 * @param index its number in the stream (replay it with -Dopenita.hostile.case)
 * @param description what was done to make it, short enough to print
 * @param bytes the file
 * @param plain the input as text, for finding it repeated in an answer: the file read as UTF-8, or for a workbook
 *              the text of its cells and parts
 * @param mustRefuse true when it is bad by construction (a refused character, a limit passed, a damaged archive...);
 *                   false when the damage may by chance leave a file the importer rightly accepts (a truncated CSV
 *                   that ends between two rows, a column moved)
 */
record Case(String stream, int index, String description, byte[] bytes, String plain, boolean mustRefuse) {

    /** The description, cut for a message. */
    String shortDescription() {
        return description.length() <= 400 ? description : description.substring(0, 400) + "…";
    }
}
