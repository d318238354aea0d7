package org.syndication.feed;

/** A token that is unknown, expired, or for another action. */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException() {
        super("This link is invalid or has expired.");
    }
}
