package org.syndication.catalog.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.support.concurrent.DaemonThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A small pool (one thread per core) for the CPU-bound, side-effect-free part of a batch (classifying items,
 * writing event JSON), so it uses every core and runs while the caller waits for the database. The functions run
 * without the caller's context: no transaction, no database access.
 */
@ApplicationScoped
public class BatchWorkers {

    private final int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService pool;
    /** The pool, or the caller's thread once the pool is shut down (a batch still running at shutdown completes). */
    private final Executor executor;

    public BatchWorkers() {
        pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.numbered("catalog-batch-worker"));
        executor = task -> {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    /** Applies {@code f} to every element on the pool, in contiguous chunks; the results keep the input order. */
    public <T, R> CompletableFuture<List<R>> map(List<T> input, Function<T, R> f) {
        int chunks = Math.min(parallelism, input.size());
        if (chunks == 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (chunks == 1) {
            return CompletableFuture.supplyAsync(() -> input.stream().map(f).toList(), executor);
        }
        List<CompletableFuture<List<R>>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            List<T> part = input.subList(c * input.size() / chunks, (c + 1) * input.size() / chunks);
            parts.add(CompletableFuture.supplyAsync(() -> part.stream().map(f).toList(), executor));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<R> out = new ArrayList<>(input.size());
            parts.forEach(p -> out.addAll(p.join()));
            return out;
        });
    }

    /** Waits for the result; a failure of {@code f} is rethrown as it was thrown. */
    public static <R> R await(CompletableFuture<R> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Lets the work already handed over finish (a caller waits for it); later work runs on the caller's thread. */
    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
