package org.openita.server.oit.internal.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PeriodRule;
import org.openita.server.oit.internal.fetch.DocumentText.Kind;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;
import org.openita.server.oit.internal.fetch.Findings.Warning;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@link Prechecker} over the text of the fetched link (ADR 0036): whether it was reached, whether it is on the agency's
 * website, which years it mentions against the year the item asks for, and whether any of the item's key terms is in
 * it. Each warning has a stable code and its sentence in Thai and English (messages {@code oit.fetch.warn.<code>}).
 */
@Component
public class TextPrechecker implements Prechecker {

    static final Locale THAI = Locale.forLanguageTag("th");
    /** Years further from the expected year than these are taken for other numbers and not reported. */
    static final int YEARS_BEFORE = 15;
    static final int YEARS_AFTER = 5;

    private final MessageSource messages;

    public TextPrechecker(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Findings check(Fetched fetched, String agencyWebsite, FiscalYear year, OitItem item) {
        List<Warning> warnings = new ArrayList<>();
        String agencyHost = AgencySite.host(agencyWebsite);
        String finalHost = fetched.finalUrl() == null ? null : AgencySite.host(fetched.finalUrl().toString());
        Boolean onDomain = agencyHost == null || finalHost == null ? null : AgencySite.sameSite(finalHost, agencyHost);

        if (fetched.outcome() != Outcome.OK) {
            warnings.add(failure(fetched));
            if (Boolean.FALSE.equals(onDomain)) {
                warnings.add(warning("other-domain", finalHost, agencyHost));
            }
            return new Findings(onDomain, null, List.of(), List.of(), warnings);
        }
        if (Boolean.FALSE.equals(onDomain)) {
            warnings.add(warning("other-domain", finalHost, agencyHost));
        }
        URI where = fetched.finalUrl() == null ? fetched.requested() : fetched.finalUrl();
        DocumentText doc = TextExtractor.read(fetched.contentType(), where == null ? null : where.getPath(), fetched.body());
        if (!doc.hasText()) {
            warnings.add(doc.kind() == Kind.OTHER
                    ? warning("unsupported-type", fetched.contentType() == null ? "?" : fetched.contentType())
                    : warning("no-text"));
            return new Findings(onDomain, doc.title(), List.of(), List.of(), warnings);
        }
        String text = doc.title() == null ? doc.text() : doc.title() + "\n" + doc.text();
        int expected = expectedYear(item.period(), year).buddhistEra();
        // amounts such as "2000 บาท" read as years too; only years near the expected one count
        List<Integer> years = ThaiText.years(text).stream()
                .filter(y -> y >= expected - YEARS_BEFORE && y <= expected + YEARS_AFTER)
                .toList();
        if (years.isEmpty()) {
            warnings.add(warning("no-year", Integer.toString(expected)));
        } else if (!years.contains(expected)) {
            warnings.add(warning("other-year", Integer.toString(years.get(0)), Integer.toString(expected)));
        }
        String haystack = ThaiText.forMatching(text);
        List<String> terms = item.keyTerms().stream()
                .filter(t -> !ThaiText.forMatching(t).isEmpty() && haystack.contains(ThaiText.forMatching(t)))
                .toList();
        if (!item.keyTerms().isEmpty() && terms.isEmpty()) {
            warnings.add(warning("no-key-term", item.keyTerms().get(0)));
        }
        return new Findings(onDomain, doc.title(), years, terms, warnings);
    }

    /** The fiscal year whose information the item asks for. */
    static FiscalYear expectedYear(PeriodRule period, FiscalYear assessed) {
        return period == PeriodRule.PREVIOUS_FISCAL_YEAR ? assessed.previous() : assessed;
    }

    private Warning failure(Fetched fetched) {
        switch (fetched.outcome()) {
            case HTTP_ERROR:
                return fetched.status() == 404 || fetched.status() == 410
                        ? warning("not-found", Integer.toString(fetched.status()))
                        : warning("http-error", Integer.toString(fetched.status()));
            case NOT_ALLOWED_SCHEME:
                return warning("not-http");
            case UNSAFE_ADDRESS:
                return warning("unsafe-address");
            case TOO_LARGE:
                return warning("too-large");
            case TOO_MANY_REDIRECTS:
                return warning("too-many-redirects");
            default: // UNKNOWN_HOST, UNREACHABLE, TIMEOUT
                return warning("unreachable");
        }
    }

    private Warning warning(String code, String... args) {
        String key = "oit.fetch.warn." + code;
        return new Warning(code, messages.getMessage(key, args, THAI), messages.getMessage(key, args, Locale.ENGLISH));
    }
}
