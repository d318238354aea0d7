package org.syndication.ingest;

/**
 * The database did not answer (connection lost, server restarting, pool exhausted): the document's items may or may
 * not have been published, and the client is told to retry (503). A retry is safe: an item already published is
 * published again at the same version, which the catalog takes once.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("database unavailable: " + cause.getClass().getSimpleName(), cause);
    }
}
