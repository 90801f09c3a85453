package org.openita.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table being spoiled: a header and rows of text cells, made from a valid template.
 *
 * @param required the template's columns an importer requires (by header text)
 * @param cellLimit the longest value the importer accepts in a cell
 */
record Table(List<String> header, List<List<String>> rows, Set<String> required, int cellLimit) {

    /** A copy that can be changed without touching the template. */
    Table copy() {
        List<List<String>> r = new ArrayList<>();
        rows.forEach(row -> r.add(new ArrayList<>(row)));
        return new Table(new ArrayList<>(header), r, required, cellLimit);
    }

    /** The header followed by the rows. */
    List<List<String>> all() {
        List<List<String>> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    /** The cells as text, one a line, for finding them repeated in an answer. */
    String plain() {
        StringBuilder s = new StringBuilder();
        for (List<String> row : all()) {
            for (String c : row) {
                s.append(c).append('\n');
            }
        }
        return s.toString();
    }
}
