package org.openita.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled Sarabun fonts (SIL Open Font License 1.1, see fonts/sarabun/OFL.txt). */
final class Fonts {

    static final String REGULAR = "fonts/sarabun/Sarabun_400Regular.ttf";
    static final String BOLD = "fonts/sarabun/Sarabun_700Bold.ttf";
    static final String FAMILY = "Sarabun";

    private Fonts() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.awt.Font awt(String resource, float size) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException("cannot load font " + resource, e);
        }
    }
}
