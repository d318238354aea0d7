package org.syndication.ingest;

/** A request parameter that is missing or malformed (400). The message names the parameter, safe for clients. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
