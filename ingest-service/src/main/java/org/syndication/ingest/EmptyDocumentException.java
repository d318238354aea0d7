package org.syndication.ingest;

/** A document with no text at all (422). */
public class EmptyDocumentException extends RuntimeException {

    public EmptyDocumentException(String message) {
        super(message);
    }
}
