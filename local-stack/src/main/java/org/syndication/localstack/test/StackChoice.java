package org.syndication.localstack.test;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which servers the integration tests of this JVM use: real Kafka and PostgreSQL containers (Testcontainers) when a
 * Docker daemon answers, the local-stack servers otherwise. The system property {@value #PROPERTY}
 * ({@code -Dstack=containers|local}) forces one; forced containers without a daemon stop the run.
 */
public final class StackChoice {

    /** The system property that forces a stack: {@code containers}, {@code local} or {@code auto} (the default). */
    public static final String PROPERTY = "stack";

    /** The servers the tests run against. */
    public enum Stack {
        /** Kafka and PostgreSQL containers through a Docker daemon. */
        CONTAINERS,
        /** The local-stack servers: a Kafka child JVM and the embedded PostgreSQL binaries. */
        LOCAL
    }

    private StackChoice() {
    }

    /**
     * The stack for a requested value ({@code null}, blank or {@code auto}: decided by the daemon). The daemon is
     * asked only when the answer depends on it.
     *
     * @throws IllegalStateException    when containers are forced and no daemon answers
     * @throws IllegalArgumentException when the value is not one of the three
     */
    public static Stack choose(String requested, BooleanSupplier daemonAnswers) {
        String value = requested == null ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "auto":
                return daemonAnswers.getAsBoolean() ? Stack.CONTAINERS : Stack.LOCAL;
            case "local":
                return Stack.LOCAL;
            case "containers":
                if (!daemonAnswers.getAsBoolean()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=containers was given, but no Docker daemon "
                            + "answers (" + DockerDaemon.WHERE + "): start Docker, or run with -D" + PROPERTY
                            + "=local (or without -D" + PROPERTY + ") to use the local-stack servers");
                }
                return Stack.CONTAINERS;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + requested
                        + " is not one of containers, local, auto");
        }
    }
}
