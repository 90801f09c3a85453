package org.openita.report;

import java.util.Base64;
import com.ibm.icu.text.BreakIterator;
import java.util.Locale;
import org.openita.core.thai.DigitStyle;

/**
 * Renders the report as one self-contained HTML page for the web and for printing: no scripts, the
 * Sarabun fonts embedded, charts as inline SVG, table headers that repeat on printed pages, A4 margins.
 */
public final class HtmlRenderer {

    private static final String FONT_CSS = "@font-face{font-family:Sarabun;font-weight:400;src:url(data:font/ttf;base64,"
            + Base64.getEncoder().encodeToString(Fonts.bytes(Fonts.REGULAR)) + ") format('truetype')}"
            + "@font-face{font-family:Sarabun;font-weight:700;src:url(data:font/ttf;base64,"
            + Base64.getEncoder().encodeToString(Fonts.bytes(Fonts.BOLD)) + ") format('truetype')}";

    private static final String CSS = "body{font-family:Sarabun,'Noto Sans Thai',Tahoma,sans-serif;font-size:16pt;line-height:1.6;"
            + "color:#1b1f24;max-width:46rem;margin:2rem auto;padding:0 1rem}"
            + "h1{font-size:18pt;color:#0b4f8a;margin:1.4em 0 .3em}h2{font-size:16pt;margin:1em 0 .3em}"
            + "p{text-indent:2.5em;margin:.2em 0 .5em}ul{margin:.2em 0 .6em}"
            + "table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:14pt;margin:.4em 0 1em}.w{white-space:nowrap}"
            + "th,td{border:1px solid #9aa5b1;padding:.3em .35em .15em;vertical-align:top;white-space:pre-line}"
            + "th{background:#dce6f1;text-align:left}td.num{text-align:right;white-space:nowrap}"
            + ".cover{text-align:center;padding:6rem 0 4rem}.cover .title{font-size:22pt;font-weight:700;line-height:1.5}"
            + ".cover .agency{font-size:18pt;font-weight:700;margin-top:6rem}.chart{margin:.5em 0 1em}"
            + ".legend{font-size:14pt}.legend .now{color:#0b4f8a}.legend .prev{color:#a9c4e0}"
            + ".chart figcaption h2{margin:.2em 0}.chart .note{font-size:12pt;margin:0;text-indent:0}"
            + "@media screen and (max-width:480px){body{padding:0 .5rem}table{font-size:11pt;table-layout:auto}th,td{padding:.25em .2em .1em}}"
            + "@page{size:A4;margin:2.5cm 2cm 2cm 3cm}"
            + "@page:first{@top-center{content:none}}"
            + "@media print{body{margin:0;padding:0;max-width:none;font-size:15pt;line-height:1.5}"
            + ".cover{padding:5cm 0 0;break-after:page}.cover .agency{margin-top:4cm}"
            + "thead{display:table-header-group}tr,figure,li{break-inside:avoid}"
            + "h1,h2,figcaption{break-after:avoid}p{orphans:2;widows:2}}";

    /** Page numbers at the top centre from page 2 on, in the report's digits (CSS page-margin boxes). */
    private static String pageNumbers(DigitStyle digits) {
        return "@page{@top-center{content:\"- \" counter(page" + (digits == DigitStyle.THAI ? ", thai" : "")
                + ") \" -\";font-family:Sarabun,sans-serif;font-size:14pt;color:#1b1f24}}";
    }

    private static final BreakIterator WORDS = BreakIterator.getLineInstance(Locale.forLanguageTag("th-TH"));

    private HtmlRenderer() {
    }

    /** The report with Thai digits in its printed page numbers. */
    public static String render(ReportDocument doc) {
        return render(doc, DigitStyle.THAI);
    }

    public static String render(ReportDocument doc, DigitStyle digits) {
        StringBuilder sb = new StringBuilder(400_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(doc.title())).append("</title><style>").append(FONT_CSS).append(CSS).append(pageNumbers(digits)).append("</style></head><body>\n");
        for (Block b : doc.blocks()) {
            block(sb, b);
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder sb, Block b) {
        if (b instanceof Block.Cover c) {
            sb.append("<header class=\"cover\">");
            if (c.logo() != null) {
                sb.append("<img alt=\"\" width=\"110\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.logo())).append("\"><br>");
            }
            c.title().forEach(t -> sb.append("<div class=\"title\">").append(esc(t)).append("</div>"));
            sb.append("<div class=\"agency\">");
            c.agency().forEach(t -> sb.append(esc(t)).append("<br>"));
            sb.append("</div><div>").append(esc(c.date())).append("</div></header>\n");
        } else if (b instanceof Block.Heading h) {
            String tag = h.level() == 1 ? "h1" : "h2";
            sb.append('<').append(tag).append('>').append(esc(h.full())).append("</").append(tag).append(">\n");
        } else if (b instanceof Block.Paragraph p) {
            sb.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (b instanceof Block.Bullets l) {
            sb.append("<ul>");
            l.items().forEach(i -> sb.append("<li>").append(esc(i)).append("</li>"));
            sb.append("</ul>\n");
        } else if (b instanceof Block.Table t) {
            sb.append("<table><colgroup>");
            float[] widths = TableLayout.widths(t, PdfRenderer.WIDTH, 14f, 8f);
            for (float w : widths) {
                sb.append("<col style=\"width:").append(String.format(Locale.ROOT, "%.1f", 100 * w / PdfRenderer.WIDTH)).append("%\">");
            }
            sb.append("</colgroup><thead><tr>");
            t.header().forEach(h -> sb.append("<th scope=\"col\">").append(words(h)).append("</th>"));
            sb.append("</tr></thead><tbody>");
            for (var row : t.rows()) {
                sb.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    sb.append(t.numeric()[i] ? "<td class=\"num\">" : "<td>").append(words(row.get(i))).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</tbody></table>\n");
        } else if (b instanceof Block.BarChart c) {
            chart(sb, c);
        } else if (b instanceof Block.SignOff s) {
            sb.append("<section class=\"signoff\" style=\"break-inside:avoid\"><h1>").append(esc(s.heading())).append("</h1>");
            for (var signer : s.signers()) {
                sb.append("<div style=\"text-align:center;margin-top:1.5em;break-inside:avoid\">");
                signer.forEach(line -> sb.append(esc(line)).append("<br>"));
                sb.append("</div>");
            }
            sb.append("</section>\n");
        } else if (b instanceof Block.PageBreak) {
            sb.append("<div class=\"pagebreak\" aria-hidden=\"true\"></div>\n");
        }
    }

    private static final int LABEL = 300;
    private static final int BAR = 370;

    private static void chart(StringBuilder sb, Block.BarChart c) {
        ChartScale scale = ChartScale.of(c);
        sb.append("<figure class=\"chart\"><figcaption><h2>").append(esc(c.title())).append("</h2>");
        if (c.hasPrevious()) {
            sb.append("<div class=\"legend\"><span class=\"now\">■</span> ").append(esc(c.currentLabel()))
                    .append(" &nbsp; <span class=\"prev\">■</span> ").append(esc(c.previousLabel())).append("</div>");
        }
        sb.append("</figcaption>");
        int row = c.hasPrevious() ? 44 : 32;
        int top = 22;
        int bottom = top + c.bars().size() * row;
        int height = bottom + 30;
        sb.append("<svg role=\"img\" viewBox=\"0 0 760 ").append(height).append("\" width=\"100%\" aria-label=\"")
                .append(esc(c.title())).append("\" font-family=\"Sarabun,sans-serif\">");
        for (double t : scale.ticks()) {
            String x = fmt(x(scale, t));
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(top).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(bottom + 5).append("\" stroke=\"#dde2e8\"/>");
            sb.append("<text x=\"").append(x).append("\" y=\"").append(bottom + 22)
                    .append("\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1b1f24\">").append(esc(scale.label(t))).append("</text>");
        }
        int y = top;
        for (Block.Bar bar : c.bars()) {
            sb.append("<text x=\"0\" y=\"").append(y + 20).append("\" font-size=\"15\" fill=\"#1b1f24\">").append(esc(bar.label())).append("</text>");
            rect(sb, y + 6, c.hasPrevious() ? 15 : 20, bar.value(), scale, "#0b4f8a");
            sb.append("<text x=\"755\" y=\"").append(y + 20).append("\" font-size=\"15\" text-anchor=\"end\" fill=\"#1b1f24\">")
                    .append(esc(bar.valueText())).append("</text>");
            if (c.hasPrevious() && bar.previous() != null) {
                rect(sb, y + 23, 15, bar.previous(), scale, "#a9c4e0");
                sb.append("<text x=\"755\" y=\"").append(y + 37).append("\" font-size=\"15\" text-anchor=\"end\" fill=\"#1b1f24\">")
                        .append(esc(bar.previousText())).append("</text>");
            }
            y += row;
        }
        sb.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(top).append("\" x2=\"").append(LABEL).append("\" y2=\"")
                .append(bottom).append("\" stroke=\"#1b1f24\"/>");
        sb.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(bottom).append("\" x2=\"").append(LABEL + BAR)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#1b1f24\"/>");
        if (scale.zoomed()) {
            sb.append("<rect x=\"").append(LABEL + 5).append("\" y=\"").append(bottom - 2).append("\" width=\"6\" height=\"4\" fill=\"#fff\"/>")
                    .append("<path d=\"M").append(LABEL + 2).append(' ').append(bottom + 5).append(" l5 -10 M").append(LABEL + 9).append(' ')
                    .append(bottom + 5).append(" l5 -10\" stroke=\"#1b1f24\"/>");
        }
        if (scale.passMark() != null) {
            String x = fmt(x(scale, scale.passMark()));
            sb.append("<line class=\"pass\" x1=\"").append(x).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(bottom).append("\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(top - 8)
                    .append("\" font-size=\"13\" text-anchor=\"middle\" fill=\"#c62828\">").append(esc(scale.passLabel())).append("</text>");
        }
        sb.append("</svg><p class=\"note\">").append(esc(scale.note())).append("</p></figure>\n");
    }

    private static double x(ChartScale scale, double v) {
        return LABEL + 1 + BAR * scale.fraction(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void rect(StringBuilder sb, int y, int h, Double v, ChartScale scale, String color) {
        if (v == null) {
            return;
        }
        sb.append("<rect x=\"").append(LABEL + 1).append("\" y=\"").append(y).append("\" width=\"").append(fmt(BAR * scale.fraction(v)))
                .append("\" height=\"").append(h).append("\" fill=\"").append(color).append("\"/>");
    }

    /**
     * Cell text with each Thai word (by ICU4J, as the PDF and the column widths use) kept on one line; browsers'
     * own Thai dictionaries differ and would otherwise break some words in narrow cells ("น้ำ|หนัก").
     */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() * 2);
        BreakIterator words = (BreakIterator) WORDS.clone(); // not thread-safe: one per call
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String piece = text.substring(start, end);
            String word = piece.stripTrailing();
            if (word.codePoints().anyMatch(c -> c >= 0x0E01 && c <= 0x0E4E) && word.length() > 1) {
                sb.append("<span class=\"w\">").append(esc(word)).append("</span>").append(esc(piece.substring(word.length())));
            } else {
                sb.append(esc(piece));
            }
        }
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
