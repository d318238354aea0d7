package org.syndication.catalog;

import java.sql.SQLException;

/**
 * A JDBC failure of the plain-JDBC data access ({@link NewsItemBatchWriter}, {@link ItemSourceRepository},
 * {@link NewsItemSearchIndex}); the cause tells data errors from an unavailable database. The message is the
 * server's error of the failing row only (a batch error's own message quotes the rows, i.e. item texts).
 */
public class BatchWriteException extends RuntimeException {
    BatchWriteException(String message, SQLException cause) {
        super(message + ": " + (cause.getNextException() != null ? cause.getNextException() : cause).getMessage(), cause);
    }
}
