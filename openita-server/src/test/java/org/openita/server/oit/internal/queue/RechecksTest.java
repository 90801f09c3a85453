package org.openita.server.oit.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

class RechecksTest {

    static FetchJobs.Link link(String agency, String url) {
        return new FetchJobs.Link(AgencyCode.of(agency), FiscalYear.of(2570), "o1", url);
    }

    @Test
    void theRecheckQueuesLinksInTurnsOverTheirHosts() {
        List<FetchJobs.Link> in = List.of(link("A", "https://a.go.th/1"), link("A", "https://a.go.th/2"), link("A", "https://A.go.th/3"),
                link("B", "https://b.go.th/1"), link("C", "https://c.go.th/1"), link("C", "https://c.go.th/2"));
        assertThat(Rechecks.interleavedByHost(in)).extracting(FetchJobs.Link::url).containsExactly(
                "https://a.go.th/1", "https://b.go.th/1", "https://c.go.th/1", "https://a.go.th/2", "https://c.go.th/2", "https://A.go.th/3");
    }
}
