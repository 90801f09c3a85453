package org.openita.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.ToolCode;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * Printable survey material as PDF (issue 12): an agency's A4 poster and table card inviting people to answer the
 * IIT or the EIT through a QR code, and sheets of single-use IIT slips. Text is Sarabun, shaped and broken into
 * lines as the report's PDF is, its ToUnicode maps repaired so the text reads back exactly; QR codes are vector
 * squares with a quiet zone and error correction M. Thai by default, English on request. Thread-safe: every call
 * builds its own document.
 */
public final class SurveyKits {

    /** The longest agency name the layouts are built (and tested) to hold. */
    public static final int MAX_AGENCY_NAME = 150;
    /** The most slips one sheet holds: a large agency's staff, in bounded time and memory. */
    public static final int MAX_SLIPS = 2_000;
    /** The longest link a QR code is asked to hold; longer ones make the modules too small to scan from paper. */
    public static final int MAX_URL = 300;
    /** The longest link printed on a slip for typing a code by hand: a short one is expected. */
    public static final int MAX_TYPE_AT_URL = 60;
    static final Locale THAI = Locale.forLanguageTag("th-TH");

    private SurveyKits() {
    }

    /**
     * What a poster or table card says: the survey (IIT for staff, EIT for service users), the agency, the fiscal
     * year, the link its QR code holds, how many questions there are, and which digits to print numbers with.
     */
    public record Kit(ToolCode tool, String agencyName, FiscalYear year, String url, int questionCount, DigitStyle digits) {
        public Kit {
            Objects.requireNonNull(tool, "tool");
            if (tool == ToolCode.OIT) {
                throw new IllegalArgumentException("survey kits exist for the IIT and the EIT only, not the OIT");
            }
            agencyName = name(agencyName);
            Objects.requireNonNull(year, "year");
            url = link(url, "url");
            if (questionCount < 1 || questionCount > 200) {
                throw new IllegalArgumentException("question count must be 1 to 200: " + questionCount);
            }
            Objects.requireNonNull(digits, "digits");
        }
    }

    /** A sheet of single-use IIT slips of one agency and year; each slip's code can also be typed at typeAtUrl. */
    public record SlipSheet(String agencyName, FiscalYear year, String typeAtUrl, List<Slip> slips, DigitStyle digits) {
        public SlipSheet {
            agencyName = name(agencyName);
            Objects.requireNonNull(year, "year");
            typeAtUrl = link(typeAtUrl, "typeAtUrl");
            if (typeAtUrl.length() > MAX_TYPE_AT_URL) {
                throw new IllegalArgumentException("typeAtUrl is typed by hand: at most " + MAX_TYPE_AT_URL + " characters");
            }
            slips = List.copyOf(Objects.requireNonNull(slips, "slips"));
            if (slips.isEmpty() || slips.size() > MAX_SLIPS) {
                throw new IllegalArgumentException("a slip sheet holds 1 to " + MAX_SLIPS + " slips: " + slips.size());
            }
            Objects.requireNonNull(digits, "digits");
        }
    }

    /** One single-use slip: its code (letters and digits; dashes and spaces are ignored) and the link its QR holds. */
    public record Slip(String code, String url) {
        public Slip {
            Objects.requireNonNull(code, "code");
            String plain = plainCode(code);
            if (plain.isEmpty() || plain.length() > 24 || !plain.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                throw new IllegalArgumentException("a slip code is 1 to 24 letters and digits (A-Z, 0-9): " + code);
            }
            url = link(url, "url");
        }

        /** The code as printed for typing: groups of four joined by dashes, "ABCD-EFGH-JKLM". */
        public String grouped() {
            String plain = plainCode(code);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < plain.length(); i += 4) {
                if (i > 0) {
                    sb.append('-');
                }
                sb.append(plain, i, Math.min(plain.length(), i + 4));
            }
            return sb.toString();
        }
    }

    /** The A4 portrait poster, in Thai. */
    public static byte[] poster(Kit k) {
        return poster(k, THAI);
    }

    /** The A4 portrait poster in the language of {@code locale} (Thai, or English). */
    public static byte[] poster(Kit k, Locale locale) {
        KitWords words = KitWords.of(k, KitPhrases.of(locale));
        return pdf(KitPages.POSTER, title(words), w -> KitPages.poster(new KitCanvas(w.getDirectContent()), words, k.url()));
    }

    /** The table tent card (A4 landscape, folded in half; see {@link KitPages#CARD}), in Thai. */
    public static byte[] tableCard(Kit k) {
        return tableCard(k, THAI);
    }

    public static byte[] tableCard(Kit k, Locale locale) {
        KitWords words = KitWords.of(k, KitPhrases.of(locale));
        return pdf(KitPages.CARD, title(words), w -> KitPages.card(new KitCanvas(w.getDirectContent()), words, k.url()));
    }

    /** The slips, {@link SlipPages#PER_PAGE} to an A4 page with cut lines, in Thai. */
    public static byte[] slips(SlipSheet s) {
        return slips(s, THAI);
    }

    public static byte[] slips(SlipSheet s, Locale locale) {
        KitPhrases phrases = KitPhrases.of(locale);
        String title = s.agencyName() + " " + phrases.get("slip.title");
        return pdf(SlipPages.PAGE, title, (w, d) -> SlipPages.write(w, d, s, phrases));
    }

    /** About twenty seconds a question, rounded up to whole minutes, and never less than two. */
    static int minutes(int questions) {
        return Math.max(2, (questions * 20 + 59) / 60);
    }

    static String digits(int n, DigitStyle style) {
        return ThaiFormat.digits(Integer.toString(n), style);
    }

    private static String title(KitWords words) {
        return words.title() + " " + words.agency();
    }

    private static byte[] pdf(Rectangle page, String title, java.util.function.Consumer<PdfWriter> onePage) {
        return pdf(page, title, (w, d) -> onePage.accept(w));
    }

    /** Writes a document with OpenPDF, then repairs its ToUnicode maps as the report's PDF is repaired. */
    private static byte[] pdf(Rectangle page, String title, BiConsumer<PdfWriter, Document> pages) {
        PdfRenderer.init();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(page, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("OpenITA");
            document.open();
            pages.accept(writer, document);
            document.close();
            return ToUnicodeRepair.repair(out.toByteArray(), PdfRenderer.SHAPING).pdf();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot write the survey kit PDF", e);
        }
    }

    private static String name(String agencyName) {
        Objects.requireNonNull(agencyName, "agencyName");
        String name = agencyName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > MAX_AGENCY_NAME) {
            throw new IllegalArgumentException("an agency name is 1 to " + MAX_AGENCY_NAME + " characters: " + name.length());
        }
        return name;
    }

    private static String link(String url, String what) {
        Objects.requireNonNull(url, what);
        String u = url.strip();
        if (u.isEmpty() || u.length() > MAX_URL || u.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be a link of 1 to " + MAX_URL + " characters without spaces");
        }
        return u;
    }

    private static String plainCode(String code) {
        return code.replace("-", "").replace(" ", "");
    }
}
