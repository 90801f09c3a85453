package org.openita.report;

import java.util.Base64;
import java.util.Locale;

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
            + "table{border-collapse:collapse;width:100%;font-size:14pt;margin:.4em 0 1em}"
            + "th,td{border:1px solid #9aa5b1;padding:.15em .35em;vertical-align:top;white-space:pre-line}"
            + "th{background:#dce6f1;text-align:left}td.num{text-align:right;white-space:nowrap}"
            + ".cover{text-align:center;padding:6rem 0 4rem}.cover .title{font-size:22pt;font-weight:700;line-height:1.5}"
            + ".cover .agency{font-size:18pt;font-weight:700;margin-top:6rem}.chart{margin:.5em 0 1em}"
            + ".legend{font-size:14pt}.legend .now{color:#0b4f8a}.legend .prev{color:#a9c4e0}"
            + "@page{size:A4;margin:2.5cm 2cm 2cm 3cm}"
            + "@media print{body{margin:0;max-width:none}.pagebreak{break-after:page}thead{display:table-header-group}"
            + "tr,figure{break-inside:avoid}h1,h2{break-after:avoid}}";

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder sb = new StringBuilder(400_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(doc.title())).append("</title><style>").append(FONT_CSS).append(CSS).append("</style></head><body>\n");
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
            sb.append("<table><thead><tr>");
            t.header().forEach(h -> sb.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
            sb.append("</tr></thead><tbody>");
            for (var row : t.rows()) {
                sb.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    sb.append(t.numeric()[i] ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</tbody></table>\n");
        } else if (b instanceof Block.BarChart c) {
            chart(sb, c);
        } else if (b instanceof Block.SignOff s) {
            sb.append("<section class=\"signoff\"><h1>").append(esc(s.heading())).append("</h1>");
            for (var signer : s.signers()) {
                sb.append("<div style=\"text-align:center;margin-top:1.5em;break-inside:avoid\">");
                signer.forEach(line -> sb.append(esc(line)).append("<br>"));
                sb.append("</div>");
            }
            sb.append("</section>\n");
        } else if (b instanceof Block.PageBreak) {
            sb.append("<div class=\"pagebreak\"></div>\n");
        }
    }

    private static void chart(StringBuilder sb, Block.BarChart c) {
        sb.append("<figure class=\"chart\"><figcaption><h2>").append(esc(c.title())).append("</h2>");
        if (c.hasPrevious()) {
            sb.append("<div class=\"legend\"><span class=\"now\">■</span> ").append(esc(c.currentLabel()))
                    .append(" &nbsp; <span class=\"prev\">■</span> ").append(esc(c.previousLabel())).append("</div>");
        }
        sb.append("</figcaption>");
        int row = c.hasPrevious() ? 44 : 32;
        int height = c.bars().size() * row + 8;
        sb.append("<svg role=\"img\" viewBox=\"0 0 760 ").append(height).append("\" width=\"100%\" aria-label=\"")
                .append(esc(c.title())).append("\">");
        int y = 4;
        for (Block.Bar bar : c.bars()) {
            sb.append("<text x=\"0\" y=\"").append(y + 20).append("\" font-size=\"15\" fill=\"#1b1f24\">").append(esc(bar.label())).append("</text>");
            rect(sb, y + 6, c.hasPrevious() ? 15 : 20, bar.value(), "#0b4f8a");
            sb.append("<text x=\"755\" y=\"").append(y + 20).append("\" font-size=\"15\" text-anchor=\"end\" fill=\"#1b1f24\">")
                    .append(esc(bar.valueText())).append("</text>");
            if (c.hasPrevious() && bar.previous() != null) {
                rect(sb, y + 23, 15, bar.previous(), "#a9c4e0");
                sb.append("<text x=\"755\" y=\"").append(y + 37).append("\" font-size=\"15\" text-anchor=\"end\" fill=\"#1b1f24\">")
                        .append(esc(bar.previousText())).append("</text>");
            }
            y += row;
        }
        sb.append("<line x1=\"300\" y1=\"0\" x2=\"300\" y2=\"").append(height).append("\" stroke=\"#1b1f24\"/></svg></figure>\n");
    }

    private static void rect(StringBuilder sb, int y, int h, Double v, String color) {
        if (v == null) {
            return;
        }
        double w = 380 * Math.max(0, Math.min(100, v)) / 100.0;
        sb.append("<rect x=\"301\" y=\"").append(y).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", w))
                .append("\" height=\"").append(h).append("\" fill=\"").append(color).append("\"/>");
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
