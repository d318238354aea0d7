package org.syndication.feed;

/** A theme slug that has no feed. */
public class UnknownThemeException extends RuntimeException {

    public UnknownThemeException(String slug) {
        super("There is no theme '" + slug + "'.");
    }
}
