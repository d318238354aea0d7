package org.syndication.catalog;

/** A request parameter or body that breaks a rule (bad date, page size over the limit, invalid rules). */
public class InvalidRequestException extends RuntimeException {

    private final String parameter;

    public InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
