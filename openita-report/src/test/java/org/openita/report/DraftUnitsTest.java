package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.thai.DigitStyle;

/** The demo agency's draft measures go to its own units by topic, spread over them, and never to a unit it lacks. */
class DraftUnitsTest {

    @Test
    void theDemoAgencysDraftsUseSeveralOfItsOwnUnitsAndNoOther() throws Exception {
        Analysis a = SamdetReport.analysis();
        List<String> units = a.agency().units();
        assertThat(units).containsExactlyElementsOf(ReportContentTest.UNITS);
        Set<String> drafted = new LinkedHashSet<>();
        for (DraftMeasure m : a.measures()) {
            drafted.addAll(Arrays.asList(m.unit().split(" / ")));
        }
        assertThat(drafted).hasSizeGreaterThan(1).isSubsetOf(units);
        // the service measure and the standard of duty are shared by every unit that serves the public
        assertThat(drafted).containsExactlyInAnyOrderElementsOf(units);

        // the printed report names the same units, one per line, and no other
        Set<String> printed = new LinkedHashSet<>();
        for (Block b : SamdetReport.document(DigitStyle.THAI).blocks()) {
            if (b instanceof Block.Table t && t.header().size() == 4 && t.header().get(2).equals(Phrases.get("measures.col.unit"))) {
                t.rows().forEach(row -> printed.addAll(Arrays.asList(row.get(2).split("\n"))));
            }
        }
        assertThat(printed).hasSizeGreaterThan(1).isSubsetOf(units);
    }
}
