package org.syndication.localstack.test;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedServersTest {

    @Test
    void aStartThatLosesItsPortOnceIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String started = SharedServers.withOneRetry("Kafka", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Address already in use");
            }
            return "127.0.0.1:40001";
        });

        assertThat(started).isEqualTo("127.0.0.1:40001");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSecondFailureIsTheTestsFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> SharedServers.withOneRetry("PostgreSQL", () -> {
            throw new IllegalStateException("attempt " + attempts.incrementAndGet());
        })).hasMessage("attempt 2");
        assertThat(attempts).hasValue(2);
    }
}
