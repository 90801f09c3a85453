package org.openita.server.hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer to bad input must never carry: a database's error text or our SQL, a stack trace, the name of an
 * exception or of a Java class, the make and version of the server, or a long run of the input itself (a message may quote at most about 100
 * characters of what was sent). The patterns are for text a person reads: messages, problem details and pages.
 */
final class Leaks {

    /** The longest run of the input an answer may repeat. */
    static final int MAX_QUOTED = 100;

    private static final List<Pattern> SQL = List.of(
            Pattern.compile("ERROR:\\s{1,2}[a-z]"),
            Pattern.compile("(?i)SQL ?State"),
            Pattern.compile("(?i)\\bPSQLException|org\\.postgresql|\\bjdbc:|BadSqlGrammar|PreparedStatementCallback|bad SQL grammar"),
            Pattern.compile("(?i)violates (not-null|check|foreign key|unique) constraint|duplicate key value|syntax error at or near"),
            Pattern.compile("(?i)invalid byte sequence for encoding|unterminated quoted string|current transaction is aborted"),
            Pattern.compile("(?i)\\b(from|into|update|join|table)\\s+(agency|agency_result|agency_unit|result_import_stage|app_user|audit_event"
                    + "|api_token|measure|measure_plan|measure_milestone|measure_progress|cycle_phase|assessment_cycle|user_agency_access"
                    + "|password_reset|sign_in_failure|spring_session)\\b"));
    private static final List<Pattern> TRACE = List.of(
            Pattern.compile("\\n\\s*at [\\w$.]+\\("),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("Caused by: "),
            Pattern.compile("\\bat (java|javax|jakarta|org|com|tools|sun)\\.[\\w$.]+"));
    private static final List<Pattern> CLASS = List.of(
            Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b"),
            Pattern.compile("\\b(java|javax|jakarta|org|com|tools|sun)\\.[a-z0-9_]+\\.[\\w$.]*[A-Z]\\w*"),
            Pattern.compile("\\b(StreamReadConstraints|JsonParser|ObjectMapper|CSVParser|XSSF\\w+|OPCPackage|ZipFile|SAXParser)\\b"),
            Pattern.compile("Apache Tomcat/|Whitelabel Error Page|Spring Boot"));

    private Leaks() {
    }

    /**
     * The first thing wrong with {@code answer}, or empty.
     *
     * @param sent the input as text (for a workbook, its cells), to find long runs of it repeated; may be null
     */
    static Optional<String> check(String answer, String sent) {
        if (answer == null || answer.isEmpty()) {
            return Optional.empty();
        }
        String text = unescape(answer);
        for (List<Pattern> group : List.of(SQL, TRACE, CLASS)) {
            for (Pattern p : group) {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    String kind = group == SQL ? "database text" : group == TRACE ? "a stack trace" : "a class name or the server's make";
                    return Optional.of("carries " + kind + ": \"" + excerpt(text, m.start()) + "\"");
                }
            }
        }
        if (sent != null) {
            int at = sharedRun(text, sent, MAX_QUOTED + 1);
            if (at >= 0) {
                return Optional.of("repeats more than " + MAX_QUOTED + " characters of the input: \"" + excerpt(text, at) + "\"");
            }
        }
        return Optional.empty();
    }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(s.length(), at + 80);
        return s.substring(from, to).replaceAll("\\s+", " ");
    }

    /**
     * A page without what its forms hold (input values, text areas): a form shown again with what was typed, so that
     * it can be corrected, is not a message quoting the input.
     */
    static String withoutFormValues(String html) {
        return html.replaceAll("(?s)<textarea([^>]*)>.*?</textarea>", "<textarea$1></textarea>").replaceAll("value=\"[^\"]*\"", "value=\"\"");
    }

    /** HTML entities a page uses for what it quotes, so that a quote on a page is found as well as in JSON. */
    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Where in {@code answer} a run of {@code length} characters starts that {@code sent} also holds, or -1. The
     * runs of the (short) answer are hashed; the (long) input is rolled over once.
     */
    static int sharedRun(String answer, String sent, int length) {
        if (answer.length() < length || sent.length() < length) {
            return -1;
        }
        final long base = 1_000_003L;
        long power = 1;
        for (int i = 1; i < length; i++) {
            power *= base;
        }
        Map<Long, List<Integer>> runs = new HashMap<>();
        long h = 0;
        for (int i = 0; i < answer.length(); i++) {
            h = h * base + answer.charAt(i);
            if (i >= length - 1) {
                runs.computeIfAbsent(h, k -> new ArrayList<>()).add(i - length + 1);
                h -= answer.charAt(i - length + 1) * power;
            }
        }
        h = 0;
        for (int i = 0; i < sent.length(); i++) {
            h = h * base + sent.charAt(i);
            if (i >= length - 1) {
                List<Integer> at = runs.get(h);
                if (at != null) {
                    int start = i - length + 1;
                    for (int a : at) {
                        if (answer.regionMatches(a, sent, start, length)) {
                            return a;
                        }
                    }
                }
                h -= sent.charAt(i - length + 1) * power;
            }
        }
        return -1;
    }
}
