package org.openita.core.interchange;

/** One problem in an input document: the field (a dotted path) and what was expected, in Thai and English. */
public record InputProblem(String field, String th, String en) {

    public String describe() {
        return (field.isEmpty() ? "(document)" : field) + ": " + en + " / " + th;
    }
}
