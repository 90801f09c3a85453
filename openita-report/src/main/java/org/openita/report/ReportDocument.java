package org.openita.report;

import java.util.List;

/** The report as an ordered list of blocks, with the metadata renderers put in the file properties. */
public record ReportDocument(String title, String agency, List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }
}
