package org.openita.report;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads the kits' PDFs back as a person and a phone would: PDFBox for text and pictures, zxing for the QR codes. */
final class KitPdfs {

    /** One glyph as PDFBox placed it, in PDF points with y up from the page's foot. */
    record Glyph(int page, String text, float x, float y, float width, float height, float direction) {
    }

    private KitPdfs() {
    }

    static PDDocument open(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = open(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    static String text(byte[] pdf, int page) throws IOException {
        try (PDDocument d = open(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(d);
        }
    }

    /** Every glyph of every page, with its place and the direction its text runs (0 upright, 180 upside down). */
    static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> out = new ArrayList<>();
        try (PDDocument d = open(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        // x and y of the glyph's origin on the page (y up), whatever way its text runs
                        out.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getX(), p.getPageHeight() - p.getY(),
                                p.getWidthDirAdj(), p.getHeightDir(), p.getDir()));
                    }
                }
            };
            s.setSortByPosition(true);
            s.getText(d);
        }
        return out;
    }

    static BufferedImage render(byte[] pdf, int pageIndex, float dpi) throws IOException {
        try (PDDocument d = open(pdf)) {
            return new PDFRenderer(d).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }

    /** The part of a page's picture under a rectangle given in PDF points (y up). */
    static BufferedImage crop(BufferedImage page, float pageHeight, float dpi, Rectangle2D.Float r) {
        float k = dpi / 72f;
        int x = Math.max(0, Math.round(r.x * k));
        int y = Math.max(0, Math.round((pageHeight - r.y - r.height) * k));
        int w = Math.min(page.getWidth() - x, Math.round(r.width * k));
        int h = Math.min(page.getHeight() - y, Math.round(r.height * k));
        return page.getSubimage(x, y, w, h);
    }

    /** The text of the one QR code in the picture, read by zxing's own QR reader. */
    static String decode(BufferedImage image) {
        return read(image).getText();
    }

    /** What zxing read: text, finder pattern centres (bottom left, top left, top right) and error correction level. */
    static com.google.zxing.Result read(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (ReaderException e) {
            throw new AssertionError("no QR code could be read in a " + w + "x" + h + " picture", e);
        }
    }

    /**
     * The light pixels of the quiet zone around a symbol read in the picture: the ring from half a module to
     * three and a half modules outside the symbol's edge, found from its finder patterns. Returns the darkest
     * luma found there (255 white).
     */
    static int darkestInQuietZone(BufferedImage image, com.google.zxing.Result read, int modules) {
        com.google.zxing.ResultPoint[] p = read.getResultPoints();
        com.google.zxing.ResultPoint bottomLeft = p[0];
        com.google.zxing.ResultPoint topLeft = p[1];
        com.google.zxing.ResultPoint topRight = p[2];
        float m = (topRight.getX() - topLeft.getX()) / (modules - 7);
        float left = topLeft.getX() - 3.5f * m;
        float top = topLeft.getY() - 3.5f * m;
        float right = topRight.getX() + 3.5f * m;
        float bottom = bottomLeft.getY() + 3.5f * m;
        int darkest = 255;
        for (int y = Math.round(top - 3.5f * m); y <= Math.round(bottom + 3.5f * m); y++) {
            for (int x = Math.round(left - 3.5f * m); x <= Math.round(right + 3.5f * m); x++) {
                boolean inside = x > left - 0.5f * m && x < right + 0.5f * m && y > top - 0.5f * m && y < bottom + 0.5f * m;
                if (inside || x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
                    continue;
                }
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                darkest = Math.min(darkest, luma);
            }
        }
        return darkest;
    }

    /** How many raster images the pages draw, in their own resources or in the forms they use. */
    static int rasterImages(byte[] pdf) throws IOException {
        int n = 0;
        try (PDDocument d = open(pdf)) {
            for (PDPage page : d.getPages()) {
                n += rasterImages(page.getResources());
            }
        }
        return n;
    }

    private static int rasterImages(PDResources resources) throws IOException {
        int n = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName name : resources.getXObjectNames()) {
            var x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                n++;
            } else if (x instanceof PDFormXObject f) {
                n += rasterImages(f.getResources());
            }
        }
        return n;
    }

    /** Keeps a page's picture for a person to look at, under target/kits. */
    static Path save(BufferedImage image, String name) throws IOException {
        Path out = Path.of("target", "kits", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(image, "png", out.toFile());
        return out;
    }

    static Path save(byte[] pdf, String name) throws IOException {
        Path out = Path.of("target", "kits", name + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        return out;
    }
}
