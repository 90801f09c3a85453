package org.openita.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws a bar chart as a PNG with Java2D (for DOCX), Thai labels shaped by the JDK with Sarabun. */
final class ChartImage {

    static final int WIDTH = 1600;
    static final int ROW = 70;
    static final int TOP = 48;
    static final int AXIS = 70;
    static final int LABEL_WIDTH = 620;
    static final int VALUE_WIDTH = 190;
    static final Color PASS = new Color(0xc6, 0x28, 0x28);

    private ChartImage() {
    }

    static int height(Block.BarChart chart) {
        return TOP + chart.bars().size() * (chart.hasPrevious() ? ROW + 24 : ROW) + AXIS;
    }

    static byte[] png(Block.BarChart chart) {
        ChartScale scale = ChartScale.of(chart);
        int row = chart.hasPrevious() ? ROW + 24 : ROW;
        BufferedImage img = new BufferedImage(WIDTH, height(chart), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Font font = Fonts.awt(Fonts.REGULAR, 36f);
        Font small = Fonts.awt(Fonts.REGULAR, 30f);
        g.setFont(font);
        int x0 = LABEL_WIDTH;
        int barMax = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
        int bottom = TOP + chart.bars().size() * row;
        gridAndAxis(g, scale, x0, barMax, bottom, small);
        g.setFont(font);
        int y = TOP;
        for (Block.Bar bar : chart.bars()) {
            g.setColor(PdfRenderer.INK);
            g.drawString(bar.label(), 8, y + 44);
            int thickness = chart.hasPrevious() ? 26 : 34;
            drawBar(g, x0, y + 14, barMax, thickness, bar.value(), scale, PdfRenderer.BRAND);
            g.setColor(PdfRenderer.INK);
            g.drawString(bar.valueText(), WIDTH - VALUE_WIDTH, y + 44);
            if (chart.hasPrevious()) {
                drawBar(g, x0, y + 14 + thickness + 4, barMax, thickness, bar.previous(), scale, PdfRenderer.LIGHT);
                g.setColor(PdfRenderer.INK);
                if (bar.previousText() != null && bar.previous() != null) {
                    g.drawString(bar.previousText(), WIDTH - VALUE_WIDTH, y + 44 + thickness + 4);
                }
            }
            y += row;
        }
        if (scale.passMark() != null) {
            int px = x0 + (int) Math.round(barMax * scale.fraction(scale.passMark()));
            g.setColor(PASS);
            g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {14, 8}, 0));
            g.drawLine(px, TOP - 6, px, bottom);
            g.setFont(small);
            String label = scale.passLabel();
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, Math.min(px - w / 2, WIDTH - w - 4), TOP - 14);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Light vertical grid lines at each tick, the axis line with tick labels, and a break mark when zoomed. */
    private static void gridAndAxis(Graphics2D g, ChartScale scale, int x0, int barMax, int bottom, Font small) {
        g.setFont(small);
        for (double t : scale.ticks()) {
            int x = x0 + (int) Math.round(barMax * scale.fraction(t));
            g.setColor(new Color(0xdd, 0xe2, 0xe8));
            g.setStroke(new BasicStroke(2));
            g.drawLine(x, TOP, x, bottom);
            g.setColor(PdfRenderer.INK);
            g.drawLine(x, bottom, x, bottom + 10);
            String label = scale.label(t);
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, x - w / 2, bottom + 42);
        }
        g.setColor(PdfRenderer.INK);
        g.setStroke(new BasicStroke(2));
        g.drawLine(x0, TOP, x0, bottom);
        g.drawLine(x0, bottom, x0 + barMax, bottom);
        if (scale.zoomed()) {
            g.setColor(Color.WHITE);
            g.fillRect(x0 + 10, bottom - 3, 14, 7);
            g.setColor(PdfRenderer.INK);
            g.drawLine(x0 + 4, bottom + 10, x0 + 14, bottom - 10);
            g.drawLine(x0 + 18, bottom + 10, x0 + 28, bottom - 10);
        }
    }

    private static void drawBar(Graphics2D g, int x, int y, int max, int h, Double v, ChartScale scale, Color color) {
        if (v == null) {
            return;
        }
        g.setColor(color);
        g.fillRect(x + 2, y, (int) Math.round(max * scale.fraction(v)), h);
    }
}
