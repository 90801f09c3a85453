package org.openita.server.measures;

import org.openita.report.FollowUp;

/** Where a measure stands. A dropped measure needs a reason. */
public enum MeasureStatus {
    NOT_STARTED, IN_PROGRESS, DONE, DROPPED;

    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    FollowUp.Status report() {
        return FollowUp.Status.valueOf(name());
    }
}
