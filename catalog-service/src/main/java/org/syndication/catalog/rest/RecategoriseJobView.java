package org.syndication.catalog.rest;

import java.time.Instant;

/**
 * Progress of a re-categorisation run.
 *
 * @param state             RUNNING, DONE or FAILED
 * @param taxonomyRevision  the taxonomy version applied
 * @param total             items to process (counted at the start)
 * @param processed         items processed so far
 * @param changed           items whose themes changed (and were republished)
 */
public record RecategoriseJobView(String jobId, String state, long taxonomyRevision, long total, long processed,
                                  long changed, Instant startedAt, Instant finishedAt) {
}
