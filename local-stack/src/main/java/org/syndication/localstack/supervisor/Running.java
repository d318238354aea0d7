package org.syndication.localstack.supervisor;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A started process: its handle and its exit status once it has exited (empty when the process is not our child,
 * as PostgreSQL's postmaster, which {@code pg_ctl} starts detached, so nobody can read its status).
 */
public record Running(ProcessHandle handle, CompletableFuture<OptionalInt> exit) {

    public static Running of(Process process) {
        return new Running(process.toHandle(), process.onExit().thenApply(p -> OptionalInt.of(p.exitValue())));
    }

    public static Running detached(ProcessHandle handle) {
        return new Running(handle, handle.onExit().thenApply(h -> OptionalInt.empty()));
    }

    public long pid() {
        return handle.pid();
    }
}
