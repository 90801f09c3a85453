package org.openita.server.survey.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over text, compared in constant time. */
final class Signatures {

    /** One Mac per thread: looking the algorithm up among the providers costs more than the signature itself. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    });

    private Signatures() {
    }

    static byte[] sign(byte[] secret, String text) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code given} equals the first {@code given.length} bytes of the signature (at least 5). */
    static boolean matches(byte[] secret, String text, byte[] given) {
        if (given.length < 5) {
            return false;
        }
        byte[] full = sign(secret, text);
        if (given.length > full.length) {
            return false;
        }
        return MessageDigest.isEqual(java.util.Arrays.copyOf(full, given.length), given);
    }
}
