package org.syndication.support.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The database, not the data, is the problem: only then does {@link DatabaseRetry} try again. */
class TransientDatabaseErrorTest {

    private final TransientDatabaseError transientError = new TransientDatabaseError();

    @Test
    void connectionSerializationShutdownAndLockErrorsAreTransient() {
        for (String state : new String[] {"08006", "40001", "40P01", "53300", "57P01", "58030", "55P03"}) {
            assertThat(transientError.test(wrapped(new SQLException("x", state)))).as(state).isTrue();
        }
        assertThat(transientError.test(wrapped(new SQLTransientConnectionException("pool timeout")))).isTrue();
        assertThat(transientError.test(wrapped(new SQLException("acquisition timeout")))).isTrue();
    }

    @Test
    void dataErrorsAndOtherFailuresAreNot() {
        assertThat(transientError.test(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(transientError.test(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(transientError.test(new IllegalStateException("no SQL here"))).isFalse();
    }

    @Test
    void aTransientNextExceptionCountsAndACycleEnds() {
        SQLException batch = new SQLException("batch entry failed", "23505");
        batch.setNextException(new SQLException("connection lost", "08003"));
        assertThat(transientError.test(wrapped(batch))).isTrue();

        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);
        assertThat(transientError.test(outer)).isFalse();
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("could not execute statement", cause);
    }
}
