package org.openita.core.framework;

/**
 * One problem found in a framework definition: where it is (file, YAML path, line) and what is wrong,
 * in Thai and English.
 */
public record DefinitionProblem(String file, String path, int line, String th, String en) {

    /** A one-line rendering: {@code file:line: path: English / Thai}. */
    public String describe() {
        String where = line > 0 ? file + ":" + line : file;
        String at = path == null || path.isEmpty() ? "" : " " + path + ":";
        return where + ":" + at + " " + en + " / " + th;
    }
}
