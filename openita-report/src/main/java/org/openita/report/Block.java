package org.openita.report;

import java.util.List;

/** One piece of the report, rendered the same way by every renderer. */
public sealed interface Block {

    /** The cover: title lines, then the agency lines, then the date line. */
    record Cover(List<String> title, List<String> agency, String date, byte[] logo) implements Block {
    }

    /** A numbered heading; level 1 is a section ("๑."), level 2 a subsection ("๑.๑"). */
    record Heading(int level, String number, String text) implements Block {
        public String full() {
            return number.isEmpty() ? text : number + " " + text;
        }
    }

    record Paragraph(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /**
     * A table whose header repeats on every page.
     *
     * @param widths relative column widths
     * @param numeric which columns hold figures (right-aligned)
     */
    record Table(List<String> header, List<List<String>> rows, float[] widths, boolean[] numeric) implements Block {
    }

    /**
     * A horizontal bar chart of scores 0-100; {@code previous} values are drawn beside when present.
     *
     * @param passMark the year's pass mark, drawn as a marker line; null for none
     */
    record BarChart(String title, List<Bar> bars, String currentLabel, String previousLabel, Double passMark) implements Block {

        /** A chart with the usual pass mark of 85. */
        public BarChart(String title, List<Bar> bars, String currentLabel, String previousLabel) {
            this(title, bars, currentLabel, previousLabel, 85.0);
        }

        public boolean hasPrevious() {
            return bars.stream().anyMatch(b -> b.previous() != null);
        }
    }

    record Bar(String label, Double value, Double previous, String valueText, String previousText) {
    }

    /**
     * The sign-off block at the end of the report: a heading, then for each person the lines printed centred and
     * kept together (signature line with the role, name in brackets, position).
     */
    record SignOff(String heading, List<List<String>> signers) implements Block {
        public SignOff {
            signers = signers.stream().map(List::copyOf).toList();
        }
    }

    record PageBreak() implements Block {
    }
}
