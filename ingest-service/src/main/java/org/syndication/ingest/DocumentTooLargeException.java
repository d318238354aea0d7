package org.syndication.ingest;

/** A document body over {@code ingest.max-body-size} (413). */
public class DocumentTooLargeException extends RuntimeException {

    public DocumentTooLargeException(String message) {
        super(message);
    }
}
