package org.syndication.ingest;

/**
 * Kafka did not acknowledge every record of a document in time: nothing was recorded as published, and the
 * client is told to retry (503).
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
