package org.openita.core.survey;

/**
 * One problem with a submitted answer: the form field it is about ({@code q.i4.a}, as submitted) and what is wrong,
 * in Thai and English, naming the question by the number respondents see.
 */
public record FieldProblem(String field, String th, String en) {
}
