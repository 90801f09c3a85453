package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.ResponseMinimums;

/**
 * The agency types a definition's EIT part-1 minimums may name (kept in the core, which cannot see the server) are
 * exactly the registry's, and every shipped row names one the registry can hold with a size only where it has sizes.
 */
class FrameworkAgencyTypesTest {

    @Test
    void theDefinitionsAgencyTypesAreTheRegistrys() {
        assertThat(ResponseMinimums.AGENCY_TYPES).containsExactlyElementsOf(Arrays.stream(AgencyType.values()).map(Enum::name).toList());
    }

    @Test
    void shippedRowsGiveSizesOnlyToTypesThatHaveThem() {
        for (int year : FrameworkLoader.shippedYears()) {
            FrameworkLoader.shipped(year).responseMinimums().eitPublic().orElseThrow().rows().forEach(r -> {
                AgencyType type = AgencyType.valueOf(r.agencyType());
                assertThat(r.size() == null || type.hasSize()).as("%s in %d", r.group(), year).isTrue();
            });
        }
    }
}
