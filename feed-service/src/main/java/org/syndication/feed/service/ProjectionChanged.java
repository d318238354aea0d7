package org.syndication.feed.service;

import java.util.Set;

/** Fired inside the transaction that changed the projection; observed after commit to re-render those feeds. */
public record ProjectionChanged(Set<String> feedKeys) {
}
