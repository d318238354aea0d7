package org.syndication.ingest;

/** A document in which the splitter found no news item (422). The message says why, safe for the client. */
public class NoItemsFoundException extends RuntimeException {

    public NoItemsFoundException(String message) {
        super(message);
    }
}
