package org.syndication.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes a child JVM exit as soon as its standard input reaches end of file, which happens when the parent closes
 * it or dies (even by {@code kill -9}): the child never outlives the process that started it. The exit runs the
 * child's shutdown hooks, so it stops cleanly.
 */
final class ParentWatchdog {

    private ParentWatchdog() {
    }

    static void start() {
        Thread watchdog = new Thread(ParentWatchdog::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of file
        }
        System.exit(0);
    }
}
