package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.DefinitionDiff.Change;
import org.openita.core.framework.DefinitionDiff.Kind;
import org.openita.core.framework.DefinitionDiff.Subject;

class DefinitionDiffTest {

    static final String TEXT = FrameworkLoader.shippedText(2568);

    @Test
    void theSameDefinitionHasNoDifferences() {
        FrameworkDefinition d = FrameworkLoader.parse("a.yaml", TEXT);
        assertThat(DefinitionDiff.between(d, d)).isEmpty();
    }

    @Test
    void aCorrectionListsRenamedReweightedRemovedAddedAndLevelChanges() {
        String corrected = TEXT
                .replace("summary: {th: \"การใช้งบประมาณเป็นไปตามวัตถุประสงค์\"", "summary: {th: \"งบประมาณใช้ตรงตามวัตถุประสงค์ของโครงการ\"")
                .replace("code: IIT\n    name: {th: \"แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน\", en: \"Internal stakeholders' perception (IIT)\"}\n    weight: 0.30",
                        "code: IIT\n    name: {th: \"แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน\", en: \"Internal stakeholders' perception (IIT)\"}\n    weight: 0.25")
                .replace("en: \"Open data (OIT)\"}\n    weight: 0.40", "en: \"Open data (OIT)\"}\n    weight: 0.45")
                .replace("code: o4\n", "code: o99\n")
                .replace("overall: {atLeast: 85}\n      each:", "overall: {atLeast: 90}\n      each:");
        FrameworkDefinition before = FrameworkLoader.parse("a.yaml", TEXT);
        FrameworkDefinition after = FrameworkLoader.parse("b.yaml", corrected);
        List<Change> changes = DefinitionDiff.between(before, after);
        assertThat(changes).contains(
                new Change(Kind.WEIGHT_CHANGED, Subject.TOOL, "IIT", "0.3", "0.25"),
                new Change(Kind.WEIGHT_CHANGED, Subject.TOOL, "OIT", "0.4", "0.45"),
                new Change(Kind.REMOVED, Subject.OIT_ITEM, "o4", "ข่าวประชาสัมพันธ์ / News", ""),
                new Change(Kind.ADDED, Subject.OIT_ITEM, "o99", "", "ข่าวประชาสัมพันธ์ / News"));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RENAMED);
            assertThat(c.code()).isEqualTo("i4");
            assertThat(c.after()).startsWith("งบประมาณใช้ตรงตามวัตถุประสงค์ของโครงการ");
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Kind.LEVEL_CHANGED);
            assertThat(c.code()).isEqualTo("GOOD");
            assertThat(c.before()).contains("overall >= 85");
            assertThat(c.after()).contains("overall >= 90", "IIT, EIT_PUBLIC, EIT_SURVEY, OIT >= 85");
        });
        assertThat(changes).hasSize(6);
    }
}
