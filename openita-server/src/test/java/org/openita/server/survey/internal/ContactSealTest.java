package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing a contact: opens under its key, row and agency only; the key made once, owner-only, on the embedded database. */
class ContactSealTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final ContactDetails PERSON = new ContactDetails("นายทดสอบ ผนึก", "ร้านค้า", "081-234-5678", "t@example.com");

    @TempDir
    Path dir;

    @Test
    void aValueOpensOnlyUnderItsKeyForItsOwnRow() {
        ContactSeal seal = new ContactSeal(KEY, "jdbc:postgresql://db/x", dir.resolve("pgdata").toString());
        ContactSeal.Key key = seal.key().orElseThrow();
        UUID row = UUID.randomUUID();
        byte[] sealed = seal.seal(key, PERSON, 2569, "A1", row);
        byte[] again = seal.seal(key, PERSON, 2569, "A1", row);
        assertThat(sealed).as("a fresh nonce each time").isNotEqualTo(again);
        assertThat(seal.open(sealed, key.id(), 2569, "A1", row)).isEqualTo(new ContactSeal.Opened.Open(PERSON));
        assertThat(seal.open(sealed, key.id(), 2569, "A1", UUID.randomUUID())).isInstanceOf(ContactSeal.Opened.Damaged.class);
        assertThat(seal.open(sealed, key.id(), 2570, "A1", row)).isInstanceOf(ContactSeal.Opened.Damaged.class);
        assertThat(seal.open(sealed, key.id(), 2569, "A2", row)).isInstanceOf(ContactSeal.Opened.Damaged.class);
        assertThat(seal.open(sealed, "0badc0de", 2569, "A1", row)).isEqualTo(new ContactSeal.Opened.OtherKey("0badc0de"));
        sealed[20] ^= 1;
        assertThat(seal.open(sealed, key.id(), 2569, "A1", row)).isInstanceOf(ContactSeal.Opened.Damaged.class);
        assertThat(PERSON.toString()).doesNotContain("ทดสอบ").doesNotContain("081");
        assertThat(key.toString()).doesNotContain(KEY);
    }

    @Test
    void withoutAKeyTheEmbeddedDatabaseMakesOneOnceOwnerOnlyAndAnExternalOneHasNone() throws Exception {
        ContactSeal first = new ContactSeal("", "", dir.resolve("pgdata").toString());
        assertThat(first.available()).isTrue();
        Path file = dir.resolve(ContactSeal.KEY_FILE);
        assertThat(file).doesNotExist();
        String id = first.key().orElseThrow().id();
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new ContactSeal("", "", dir.resolve("pgdata").toString()).key().orElseThrow().id()).as("the same key after a restart").isEqualTo(id);

        ContactSeal external = new ContactSeal("", "jdbc:postgresql://db/x", dir.resolve("other").toString());
        assertThat(external.available()).isFalse();
        assertThat(external.key()).isEmpty();
        assertThatThrownBy(() -> new ContactSeal("c2hvcnQ=", "", dir.toString())).hasMessageContaining("openita.field.contact-key")
                .hasMessageContaining("32");
    }
}
