package org.syndication.catalog.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchWorkersTest {

    private final BatchWorkers workers = new BatchWorkers();

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void resultsKeepTheInputOrderAndTheWorkRunsOnThePool() {
        List<Integer> input = IntStream.range(0, 1001).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> out = BatchWorkers.await(workers.map(input, i -> {
            threads.add(Thread.currentThread().getName());
            return "#" + i;
        }));
        assertThat(out).hasSize(1001).startsWith("#0", "#1").endsWith("#999", "#1000");
        assertThat(out).isEqualTo(input.stream().map(i -> "#" + i).toList());
        assertThat(threads).allMatch(t -> t.startsWith("catalog-batch-worker-"));
    }

    @Test
    void noInputAndOneInputWork() {
        assertThat(BatchWorkers.await(workers.<Integer, Integer>map(List.of(), i -> i + 1))).isEmpty();
        assertThat(BatchWorkers.await(workers.map(List.of(41), i -> i + 1))).containsExactly(42);
    }

    @Test
    void afterShutdownTheWorkRunsOnTheCallersThread() {
        workers.stop();
        String caller = Thread.currentThread().getName();
        List<Integer> input = IntStream.range(0, 10).boxed().toList();
        assertThat(BatchWorkers.await(workers.map(input, i -> Thread.currentThread().getName())))
                .hasSize(10).containsOnly(caller);
    }

    @Test
    void aFailureIsRethrownAsItWasThrown() {
        List<Integer> input = IntStream.range(0, 10).boxed().toList();
        assertThatThrownBy(() -> BatchWorkers.await(workers.map(input, i -> {
            if (i == 7) {
                throw new IllegalStateException("no " + i);
            }
            return i;
        }))).isExactlyInstanceOf(IllegalStateException.class).hasMessage("no 7");
    }
}
