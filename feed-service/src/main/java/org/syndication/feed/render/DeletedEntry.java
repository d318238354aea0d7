package org.syndication.feed.render;

import java.time.Instant;

/**
 * An entry that left a feed (RFC 6721 {@code at:deleted-entry}): readers that understand it remove the entry they
 * kept.
 *
 * @param ref  the Atom id the entry had
 * @param when when it was withdrawn
 */
public record DeletedEntry(String ref, Instant when) {
}
