package org.openita.server.agency;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for logo tests, made with ImageIO: real PNG, JPEG and GIF files, and hostile ones built byte by byte. */
public final class Logos {

    private Logos() {
    }

    /** A drawing (a coloured disc on a transparent or white ground) of the given size. */
    public static BufferedImage drawing(int width, int height, boolean transparent) {
        BufferedImage img = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        if (!transparent) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
        g.setColor(new Color(0x0B, 0x4F, 0x8C));
        g.fillOval(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
        g.setColor(new Color(0xF2, 0xB6, 0x00));
        g.fillRect(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        return img;
    }

    public static byte[] png(int width, int height) {
        return encode(drawing(width, height, true), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(drawing(width, height, false), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return encode(drawing(width, height, false), "gif");
    }

    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real 1 x 1 PNG whose header (with a correct CRC) claims {@code width} x {@code height} pixels: a decompression bomb's header. */
    public static byte[] forgedHeader(int width, int height) {
        byte[] png = png(1, 1);
        ByteBuffer b = ByteBuffer.wrap(png);
        // signature (8), IHDR length (4), "IHDR" (4), then width and height
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A PNG with a text chunk (as a camera or an editor writes) carrying {@code text}. */
    public static byte[] pngWithText(int width, int height, String text) {
        byte[] png = png(width, height);
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
