package org.syndication.ingest;

/** No feed source with the given id (404). */
public class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(long id) {
        super("no feed source with id " + id);
    }
}
