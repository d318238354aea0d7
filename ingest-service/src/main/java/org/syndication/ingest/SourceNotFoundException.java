package org.syndication.ingest;

/** No source with the given id (404). */
public class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(long id) {
        super("no source with id " + id);
    }
}
