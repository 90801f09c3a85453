package org.openita.server.oit.internal.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.OitItem;
import org.openita.server.oit.internal.fetch.Fetched;
import org.openita.server.oit.internal.fetch.Findings;
import org.openita.server.oit.internal.fetch.Prechecker;

/**
 * STAND-IN, tests only, until the real pre-check (oit.internal.fetch) lands: the title, the years 25xx and the key
 * terms found in the body read as UTF-8, and a warning when the page was not found.
 */
final class StandInPrechecker implements Prechecker {

    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern YEAR = Pattern.compile("25\\d\\d");

    @Override
    public Findings check(Fetched fetched, String agencyWebsite, FiscalYear year, OitItem item) {
        String text = new String(fetched.body(), StandardCharsets.UTF_8);
        Matcher t = TITLE.matcher(text);
        TreeSet<Integer> years = new TreeSet<>();
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            years.add(Integer.parseInt(y.group()));
        }
        List<String> terms = item.keyTerms().stream().filter(text::contains).toList();
        List<Findings.Warning> warnings = new ArrayList<>();
        if (fetched.outcome() == Fetched.Outcome.HTTP_ERROR) {
            warnings.add(new Findings.Warning("NOT_FOUND", "ไม่พบหน้านี้ (" + fetched.status() + ")", "Page not found (" + fetched.status() + ")"));
        }
        return new Findings(null, t.find() ? t.group(1) : null, new ArrayList<>(years.descendingSet()), terms, warnings);
    }
}
