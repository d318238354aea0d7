package org.syndication.localstack.supervisor;

import java.io.IOException;
import java.nio.file.Path;

/** One process the {@link Supervisor} keeps running: how to start it, stop it, see whether it is ready, and its log. */
public interface Child {

    /** The name shown in status lines and used by {@code ./syndicate restart NAME}. */
    String name();

    /**
     * Starts the process. Returns once it runs; a child may wait longer (PostgreSQL returns when it accepts
     * connections). A failure to start counts as an exit for the restart policy.
     */
    Running start() throws IOException;

    /** Whether the running process answers as ready; called about once a second, must return within a second or two. */
    boolean ready();

    /** The log whose last lines are shown when the process exits. */
    Path log();

    /** Stops the process gracefully, forcibly after a grace period; returns when it has exited. */
    void stop(Running running);
}
