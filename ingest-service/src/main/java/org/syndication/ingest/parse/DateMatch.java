package org.syndication.ingest.parse;

/**
 * A date recognised in a text.
 *
 * @param date     the date read
 * @param endIndex the index just after the last character of the date
 */
public record DateMatch(ItemDate date, int endIndex) {
}
