package org.openita.report;

import java.util.ArrayList;
import java.util.List;

/** The string literals of a Java source (plain and text blocks, escapes left as written), skipping comments and chars. */
final class JavaLiterals {

    record Literal(int line, String text) {
    }

    private JavaLiterals() {
    }

    static List<Literal> of(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2) + 2;
                line += count(src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                out.add(new Literal(line, src.substring(i + 3, end)));
                line += count(src, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(line, src.substring(i + 1, j)));
                }
                i = j + 1;
            } else {
                line += c == '\n' ? 1 : 0;
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += s.charAt(k) == '\n' ? 1 : 0;
        }
        return n;
    }
}
