package org.syndication.ingest;

/** The body of a document is not text in a charset we accept (400). The message is safe for the client. */
public class UndecodableDocumentException extends RuntimeException {

    public UndecodableDocumentException(String message) {
        super(message);
    }
}
