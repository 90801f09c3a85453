package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The logo check: judged by bytes, sized from the header before decoding, re-encoded small and clean. */
class LogoImageTest {

    private static LogoImage.Problem refused(byte[] bytes) {
        return catchThrowableOfType(LogoImage.Refused.class, () -> LogoImage.normalize(bytes)).problem();
    }

    @Test
    void aLargePngIsScaledToSixHundredPixelsOnItsLongSideKeepingProportionsAndTransparency() throws Exception {
        LogoImage.Normalized n = LogoImage.normalize(Logos.png(1800, 900));
        assertThat(n.width()).isEqualTo(600);
        assertThat(n.height()).isEqualTo(300);
        BufferedImage back = Logos.decode(n.png());
        assertThat(back.getWidth()).isEqualTo(600);
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertThat(back.getRGB(0, 0) >>> 24).as("the corner stays transparent").isZero();
        assertThat(back.getRGB(300, 150) & 0xFFFFFF).as("the centre keeps its colour").isEqualTo(0xF2B600);
        assertThat(n.sha256()).hasSize(64);
    }

    @Test
    void aJpegBecomesAPngOfTheSameSizeWhenSmallEnough() throws Exception {
        LogoImage.Normalized n = LogoImage.normalize(Logos.jpeg(320, 200));
        assertThat(new String(n.png(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(n.width()).isEqualTo(320);
        assertThat(n.height()).isEqualTo(200);
    }

    @Test
    void whatIsNotAPngOrJpegByItsBytesIsRefused() {
        assertThat(refused(Logos.gif(50, 50))).isEqualTo(LogoImage.Problem.NOT_PNG_OR_JPEG);
        assertThat(refused("this is not an image".getBytes(StandardCharsets.UTF_8))).isEqualTo(LogoImage.Problem.NOT_PNG_OR_JPEG);
        assertThat(refused(new byte[0])).isEqualTo(LogoImage.Problem.EMPTY);
        assertThat(LogoImage.Problem.NOT_PNG_OR_JPEG.th()).contains("PNG", "JPEG");
    }

    @Test
    void aHeaderClaimingTenThousandPixelsIsRefusedBeforeAnythingIsDecoded() {
        byte[] bomb = Logos.forgedHeader(10_000, 10_000);
        assertThat(bomb.length).isLessThan(200);
        long start = System.nanoTime();
        assertThat(refused(bomb)).isEqualTo(LogoImage.Problem.TOO_MANY_PIXELS);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
        assertThat(refused(Logos.forgedHeader(4001, 10))).isEqualTo(LogoImage.Problem.TOO_MANY_PIXELS);
    }

    @Test
    void brokenAndOversizedFilesAreRefused() {
        byte[] png = Logos.png(200, 200);
        assertThat(refused(Arrays.copyOf(png, png.length / 2))).isEqualTo(LogoImage.Problem.UNREADABLE);
        byte[] big = Arrays.copyOf(png, (int) LogoImage.MAX_BYTES + 1);
        assertThat(refused(big)).isEqualTo(LogoImage.Problem.TOO_LARGE);
        byte[] flipped = png.clone();
        flipped[20] ^= 1; // inside the header, so its CRC no longer matches
        assertThat(refused(flipped)).isEqualTo(LogoImage.Problem.UNREADABLE);
    }

    @Test
    void theStoredPngCarriesNoneOfTheOriginalsMetadata() throws Exception {
        byte[] withText = Logos.pngWithText(100, 100, "photographed by somebody at a private address");
        assertThat(new String(withText, StandardCharsets.ISO_8859_1)).contains("private address");
        LogoImage.Normalized n = LogoImage.normalize(withText);
        assertThat(new String(n.png(), StandardCharsets.ISO_8859_1)).doesNotContain("private address").doesNotContain("tEXt");
    }
}
