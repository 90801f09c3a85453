package org.openita.server.agency;

/** A problem in one cell or row of an import file: row number as the user sees it (header = 1), column, reason. */
public record ImportProblem(int row, String column, String th, String en) {
}
