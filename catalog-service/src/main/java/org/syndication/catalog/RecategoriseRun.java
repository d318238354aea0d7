package org.syndication.catalog;

import java.time.Instant;

/**
 * Where a re-categorisation run stands, as {@code RecategoriseService} reports it; {@code rest/} shows it as a
 * {@code RecategoriseJobView}.
 *
 * @param state            RUNNING, DONE or FAILED
 * @param taxonomyRevision the taxonomy version applied
 * @param total            items to process (counted at the start)
 * @param processed        items processed so far
 * @param changed          items whose themes changed (and were republished)
 */
public record RecategoriseRun(String jobId, String state, long taxonomyRevision, long total, long processed,
                              long changed, Instant startedAt, Instant finishedAt) {
}
