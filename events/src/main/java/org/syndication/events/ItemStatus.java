package org.syndication.events;

/** Lifecycle of a catalogued item: withdrawn items leave every feed. */
public enum ItemStatus {
    PUBLISHED,
    WITHDRAWN
}
