package org.syndication.localstack;

import org.syndication.localstack.supervisor.Child;
import org.syndication.localstack.supervisor.Probes;
import org.syndication.localstack.supervisor.Running;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * PostgreSQL as a supervised process. {@code pg_ctl} starts the postmaster detached, so the supervisor watches it
 * through its pid (from {@code postmaster.pid}); its exit status cannot be read, its log can. After a crash the
 * next start runs PostgreSQL's own crash recovery on the same cluster; if the killed server's backends still hold
 * its shared memory for a moment, that start fails and the backoff tries again.
 */
final class PostgresChild implements Child {

    static final String NAME = "postgres";

    private final int port;
    private final Path dataDir;
    private final Path log;
    private final BooleanSupplier accepting;
    private volatile PostgresServer server;

    PostgresChild(int port, Path dataDir, Path log) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.accepting = Probes.tcp(port);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Path log() {
        return log;
    }

    /** The running server, for creating the databases after the first start. */
    PostgresServer server() {
        return server;
    }

    @Override
    public Running start() {
        PostgresServer previous = server;
        if (previous != null) {
            previous.close(); // releases the data directory's lock; pg_ctl stop finds no server, which is expected
        }
        server = PostgresServer.start(port, dataDir, true, log);
        return Running.detached(server.postmaster());
    }

    @Override
    public boolean ready() {
        return accepting.getAsBoolean();
    }

    @Override
    public void stop(Running running) {
        PostgresServer current = server;
        if (current != null) {
            current.close(); // pg_ctl stop -m fast: waits until the server has stopped
        }
        if (running.handle().isAlive()) {
            running.handle().destroy();
        }
    }
}
