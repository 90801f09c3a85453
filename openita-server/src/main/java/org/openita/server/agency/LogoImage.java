package org.openita.server.agency;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An agency's logo as OpenITA keeps and prints it. What was sent is judged by its bytes (a PNG or JPEG signature;
 * the file's name and declared type are ignored), its size in pixels is read from the header before anything is
 * decoded (so a small file that claims 10000 x 10000 pixels costs nothing), it is decoded once to prove it is a real
 * image, and it is re-encoded as a PNG of at most {@value #MAX_SIDE_OUT} px on its long side, without any of the
 * original's metadata. The same check serves the agency page and {@code openita report --logo}.
 */
public final class LogoImage {

    /** The largest file taken. */
    public static final long MAX_BYTES = 1024 * 1024;
    /** The widest or tallest image taken, in pixels. */
    public static final int MAX_SIDE_IN = 4000;
    /** The long side of what is kept, in pixels: about 5 cm at 300 dpi, more than a report's cover needs. */
    public static final int MAX_SIDE_OUT = 600;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The PNG chunks handed to the decoder; text, colour profiles and other ancillary chunks are dropped unread. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

    private LogoImage() {
    }

    /** Why a logo was refused, in Thai and English. */
    public enum Problem {
        EMPTY("ไม่ได้เลือกไฟล์ หรือไฟล์ว่างเปล่า", "no file was chosen, or the file is empty"),
        NOT_PNG_OR_JPEG("ไฟล์นี้ไม่ใช่ภาพ PNG หรือ JPEG (ระบบตรวจจากเนื้อไฟล์ ไม่ได้ดูจากชื่อไฟล์)",
                "the file is not a PNG or JPEG image (judged by its content, not its name)"),
        TOO_LARGE("ไฟล์ภาพใหญ่เกิน 1 MB", "the image file is larger than 1 MB"),
        TOO_MANY_PIXELS("ภาพกว้างหรือสูงเกิน " + MAX_SIDE_IN + " พิกเซล", "the image is wider or taller than " + MAX_SIDE_IN + " pixels"),
        UNREADABLE("อ่านภาพนี้ไม่ได้ ไฟล์อาจเสียหรือใช้รูปแบบที่ระบบไม่รองรับ (เช่น JPEG แบบ CMYK)",
                "the image cannot be read: the file may be damaged or of an unsupported kind (such as a CMYK JPEG)");

        private final String th;
        private final String en;

        Problem(String th, String en) {
            this.th = th;
            this.en = en;
        }

        public String th() {
            return th;
        }

        public String en() {
            return en;
        }
    }

    /** A logo that is not taken; nothing was kept of it. */
    public static final class Refused extends Exception {

        private final Problem problem;

        public Refused(Problem problem, Throwable cause) {
            super(problem.en(), cause);
            this.problem = problem;
        }

        public Refused(Problem problem) {
            this(problem, null);
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The logo as kept: a PNG and its size. */
    public record Normalized(byte[] png, int width, int height) {

        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Checks an image and re-encodes it.
     *
     * @throws Refused when it is empty, over {@value #MAX_BYTES} bytes, not a PNG or JPEG, too large in pixels or unreadable
     */
    public static Normalized normalize(byte[] bytes) throws Refused {
        if (bytes == null || bytes.length == 0) {
            throw new Refused(Problem.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused(Problem.TOO_LARGE);
        }
        boolean png = startsWith(bytes, PNG);
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
        if (!png && !jpeg) {
            throw new Refused(Problem.NOT_PNG_OR_JPEG);
        }
        BufferedImage decoded = decode(png ? criticalChunks(bytes) : bytes, png ? "png" : "jpeg");
        BufferedImage small = scaled(decoded);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, "png", out)) {
                throw new Refused(Problem.UNREADABLE);
            }
        } catch (IOException e) {
            throw new Refused(Problem.UNREADABLE, e);
        }
        return new Normalized(out.toByteArray(), small.getWidth(), small.getHeight());
    }

    /** Reads the size from the header, refuses it when too large, then decodes (subsampled when it is far larger than kept). */
    private static BufferedImage decode(byte[] data, String format) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new Refused(Problem.UNREADABLE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w < 1 || h < 1) {
                throw new Refused(Problem.UNREADABLE);
            }
            if (w > MAX_SIDE_IN || h > MAX_SIDE_IN) {
                throw new Refused(Problem.TOO_MANY_PIXELS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(w, h) / (2 * MAX_SIDE_OUT);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw new Refused(Problem.UNREADABLE);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new Refused(Problem.UNREADABLE, e);
        } finally {
            reader.dispose();
        }
    }

    /** The image at most {@value #MAX_SIDE_OUT} px on its long side, halved step by step first so that thin lines survive. */
    private static BufferedImage scaled(BufferedImage source) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE_OUT / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = source;
        int cw = w;
        int ch = h;
        do {
            cw = Math.max(tw, cw / 2);
            ch = Math.max(th, ch / 2);
            BufferedImage next = new BufferedImage(cw, ch, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (!alpha) {
                    g.setColor(java.awt.Color.WHITE);
                    g.fillRect(0, 0, cw, ch);
                }
                g.drawImage(current, 0, 0, cw, ch, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (cw > tw || ch > th);
        return current;
    }

    /**
     * The PNG with only the chunks needed to draw it, each checked against its CRC; refused when the chunk structure is
     * broken. Compressed text and colour-profile chunks, which could inflate far beyond the file's size, never reach
     * the decoder.
     */
    static byte[] criticalChunks(byte[] png) throws Refused {
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(PNG.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.writeBytes(PNG);
        boolean first = true;
        while (true) {
            if (in.remaining() < 12) {
                throw new Refused(Problem.UNREADABLE);
            }
            int start = in.position();
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining() - 8L) {
                throw new Refused(Problem.UNREADABLE);
            }
            String type = new String(png, start + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (first != type.equals("IHDR")) {
                throw new Refused(Problem.UNREADABLE);
            }
            first = false;
            int end = start + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, start + 4, 4 + (int) length);
            in.position(end);
            if ((int) crc.getValue() != in.getInt()) {
                if (PNG_KEPT.contains(type)) {
                    throw new Refused(Problem.UNREADABLE);
                }
                continue;
            }
            if (PNG_KEPT.contains(type)) {
                out.write(png, start, end + 4 - start);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
