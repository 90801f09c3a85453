package org.openita.core.framework;

import java.util.ArrayList;
import java.util.List;

/** Collects definition problems for one file so that all of them are reported at once. */
final class Problems {

    private final String file;
    private final List<DefinitionProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String path, int line, String th, String en) {
        list.add(new DefinitionProblem(file, path, line, th, en));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<DefinitionProblem> all() {
        return List.copyOf(list);
    }
}
