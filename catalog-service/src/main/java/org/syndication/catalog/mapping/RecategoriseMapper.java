package org.syndication.catalog.mapping;

import org.syndication.catalog.RecategoriseRun;
import org.syndication.catalog.rest.RecategoriseJobView;

/** A re-categorisation run as the API shows it. */
public final class RecategoriseMapper {

    private RecategoriseMapper() {
    }

    public static RecategoriseJobView toView(RecategoriseRun run) {
        return new RecategoriseJobView(run.jobId(), run.state(), run.taxonomyRevision(), run.total(), run.processed(),
                run.changed(), run.startedAt(), run.finishedAt());
    }
}
