package org.syndication.feed;

/** A request whose parameters cannot be understood (400). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
