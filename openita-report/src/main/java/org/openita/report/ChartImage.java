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
    static final int ROW = 64;
    static final int TOP = 24;

    private ChartImage() {
    }

    static int height(Block.BarChart chart) {
        return TOP * 2 + chart.bars().size() * (chart.hasPrevious() ? ROW + 24 : ROW);
    }

    static byte[] png(Block.BarChart chart) {
        int row = chart.hasPrevious() ? ROW + 24 : ROW;
        BufferedImage img = new BufferedImage(WIDTH, height(chart), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Font font = Fonts.awt(Fonts.REGULAR, 30f);
        g.setFont(font);
        int labelWidth = 640;
        int valueWidth = 180;
        int barMax = WIDTH - labelWidth - valueWidth - 20;
        int y = TOP;
        for (Block.Bar bar : chart.bars()) {
            g.setColor(PdfRenderer.INK);
            g.drawString(bar.label(), 8, y + 40);
            int thickness = chart.hasPrevious() ? 26 : 34;
            drawBar(g, labelWidth, y + 14, barMax, thickness, bar.value(), PdfRenderer.BRAND);
            g.setColor(PdfRenderer.INK);
            g.drawString(bar.valueText(), WIDTH - valueWidth, y + 40);
            if (chart.hasPrevious()) {
                drawBar(g, labelWidth, y + 14 + thickness + 4, barMax, thickness, bar.previous(), PdfRenderer.LIGHT);
                g.setColor(PdfRenderer.INK);
                if (bar.previousText() != null && bar.previous() != null) {
                    g.drawString(bar.previousText(), WIDTH - valueWidth, y + 40 + thickness + 4);
                }
            }
            y += row;
        }
        g.setColor(PdfRenderer.INK);
        g.setStroke(new BasicStroke(2));
        g.drawLine(labelWidth, TOP, labelWidth, y);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawBar(Graphics2D g, int x, int y, int max, int h, Double v, Color color) {
        if (v == null) {
            return;
        }
        g.setColor(color);
        g.fillRect(x + 2, y, (int) Math.round(max * Math.max(0, Math.min(100, v)) / 100.0), h);
    }
}
