package org.syndication.support.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * True when a failure says the database (not the data) is the problem, so the same work will succeed once it is
 * back: a lost or refused connection (SQLSTATE class 08), a serialization failure or deadlock (40), an exhausted
 * server (53), a server shutting down (57), a system error (58), a lock not available (55P03), or an SQLException
 * without a state (the pool's acquisition timeout). Data errors (classes 22 and 23) and anything else are not.
 * <p>
 * The one definition of "transient": ingest answers 503 with it, catalog and feed retry with it
 * ({@link DatabaseRetry}).
 */
public class TransientDatabaseError implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.put(e, Boolean.TRUE) == null);
                     e = e.getNextException()) {
                    if (transientState(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58") || state.equals("55P03");
    }
}
