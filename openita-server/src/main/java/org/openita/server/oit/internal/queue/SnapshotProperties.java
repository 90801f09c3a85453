package org.openita.server.oit.internal.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the bytes a pre-check fetched are kept (docs/oit.md).
 *
 * @param snapshotYears fiscal years whose snapshots are kept, counting the current one: 2 keeps this year's and last
 *                      year's; older years' snapshots are deleted each night (their link checks stay, without bytes)
 * @param snapshotRetention when the deletion runs (a cron expression, Asia/Bangkok)
 */
@ConfigurationProperties("openita.oit")
public record SnapshotProperties(@DefaultValue("2") int snapshotYears,
                                 @DefaultValue("0 30 2 * * *") String snapshotRetention) {

    public SnapshotProperties {
        if (snapshotYears < 1) {
            throw new IllegalArgumentException("openita.oit.snapshot-years must be at least 1 (the current year)");
        }
    }
}
