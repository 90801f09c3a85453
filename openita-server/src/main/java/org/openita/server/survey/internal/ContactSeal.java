package org.openita.server.survey.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openita.server.database.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the details of a contact with AES-256-GCM (ADR 0031): a random 12-byte nonce per value, stored before
 * the ciphertext, and the fiscal year, agency code and row id as associated data, so a sealed value copied to another
 * row does not open. The key is {@code openita.field.contact-key} (base64 of 32 bytes). Without one, a server on the
 * embedded database makes a key once, beside its data folder, readable by its owner only; a server on an external
 * database has none and refuses contact lists until the setting is made. Each key has a short id (a hash of it) kept
 * with every row, so a row sealed under another key is reported as such rather than read as garbage.
 */
@Component
class ContactSeal {

    static final String SETTING = "openita.field.contact-key";
    static final String KEY_FILE = "field-contact.key";
    private static final Logger LOG = LoggerFactory.getLogger(ContactSeal.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** The key and its id. */
    record Key(SecretKey secret, String id) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    /** An opened row: the details, or empty when the row was sealed under another key or does not open. */
    sealed interface Opened {
        record Open(ContactDetails details) implements Opened {
        }

        record OtherKey(String keyId) implements Opened {
        }

        record Damaged() implements Opened {
        }
    }

    private final String configured;
    private final boolean embedded;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile Key key;

    ContactSeal(@Value("${" + SETTING + ":}") String configured, @Value("${spring.datasource.url:}") String databaseUrl,
                @Value("${openita.embedded-db.data-directory:}") String dataDirectory) {
        this.configured = configured == null ? "" : configured.strip();
        this.embedded = databaseUrl == null || databaseUrl.isBlank();
        Path data = dataDirectory == null || dataDirectory.isBlank()
                ? Path.of(System.getProperty("user.home"), ".openita", "pgdata") : Path.of(dataDirectory);
        this.keyFile = data.toAbsolutePath().resolveSibling(KEY_FILE);
        if (!this.configured.isEmpty()) {
            this.key = parse(this.configured, SETTING);
        }
    }

    /** Whether contacts can be sealed: a key is configured, or this server runs on the embedded database (made on first use). */
    boolean available() {
        return key != null || embedded;
    }

    /** The key, made once and kept in the key file when this server runs on the embedded database and none is configured. */
    Optional<Key> key() {
        Key k = key;
        if (k != null || !embedded) {
            return Optional.ofNullable(k);
        }
        synchronized (this) {
            if (key == null) {
                key = fromFile();
            }
            return Optional.of(key);
        }
    }

    private Key fromFile() {
        try {
            if (Files.exists(keyFile)) {
                OwnerOnlyFiles.restrictFile(keyFile);
                return parse(Files.readString(keyFile, StandardCharsets.UTF_8).strip(), keyFile.toString());
            }
            Files.createDirectories(keyFile.getParent());
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            OwnerOnlyFiles.write(keyFile, Base64.getEncoder().encodeToString(raw) + "\n");
            LOG.info("made a key for the contact lists of EIT part 2 in {} (set {} to use your own)", keyFile, SETTING);
            return parse(Base64.getEncoder().encodeToString(raw), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the contact key file " + keyFile, e);
        }
    }

    static Key parse(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64 (it must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`)");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(where + " holds " + raw.length + " bytes; AES-256 needs 32 (`openssl rand -base64 32`)");
        }
        return new Key(new SecretKeySpec(raw, "AES"), id(raw));
    }

    /** The first 8 hex digits of SHA-256 over the key: enough to tell keys apart, nothing to recover one from. */
    static String id(byte[] raw) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associated(int year, String agency, UUID row) {
        return (year + "|" + agency + "|" + row).getBytes(StandardCharsets.UTF_8);
    }

    /** The sealed value: nonce then ciphertext with its tag. */
    byte[] seal(Key k, ContactDetails details, int year, String agency, UUID row) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associated(year, agency, row));
            byte[] sealed = c.doFinal(details.json());
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    Opened open(byte[] sealed, String keyId, int year, String agency, UUID row) {
        Optional<Key> k = key();
        if (k.isEmpty() || !k.get().id().equals(keyId)) {
            return new Opened.OtherKey(keyId);
        }
        if (sealed == null || sealed.length <= NONCE) {
            return new Opened.Damaged();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k.get().secret(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            c.updateAAD(associated(year, agency, row));
            return new Opened.Open(ContactDetails.fromJson(c.doFinal(sealed, NONCE, sealed.length - NONCE)));
        } catch (javax.crypto.AEADBadTagException e) {
            return new Opened.Damaged();
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Opened.Damaged();
        }
    }
}
