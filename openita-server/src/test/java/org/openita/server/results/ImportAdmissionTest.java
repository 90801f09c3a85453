package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The import queue's places: one person cannot take them all, and nobody gets one beyond the total. */
class ImportAdmissionTest {

    @Test
    void onePersonHasAtMostTheirShareAndEveryoneAtMostTheTotal() throws Exception {
        ImportAdmission places = new ImportAdmission(3, 2);
        places.admit("alice");
        places.admit("alice");
        assertThatThrownBy(() -> places.admit("alice")).isInstanceOfSatisfying(ResultImports.BusyException.class,
                e -> assertThat(e.yours()).isTrue());
        places.admit("bob");
        assertThatThrownBy(() -> places.admit("carol")).isInstanceOfSatisfying(ResultImports.BusyException.class,
                e -> assertThat(e.yours()).isFalse());
        places.leave("alice");
        places.admit("carol");
        assertThat(places.taken()).isEqualTo(3);
        places.leave("nobody");
        assertThat(places.taken()).isEqualTo(3);
        places.leave("alice");
        places.leave("bob");
        places.leave("carol");
        assertThat(places.taken()).isZero();
    }
}
