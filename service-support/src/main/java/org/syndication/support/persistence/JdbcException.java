package org.syndication.support.persistence;

import jakarta.persistence.PersistenceException;

import java.sql.SQLException;

/**
 * A statement run through {@link Jdbc} failed; the cause tells a data error from an unavailable database
 * ({@code TransientDatabaseError}). The message is what could not be done and the server's error of the failing
 * row only: a batch error's own message quotes every row of the batch, i.e. item texts, which do not belong in logs.
 */
public class JdbcException extends PersistenceException {

    public JdbcException(String failure, SQLException cause) {
        super(failure + ": " + (cause.getNextException() != null ? cause.getNextException() : cause).getMessage(),
                cause);
    }
}
