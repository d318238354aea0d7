package org.syndication.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM. It runs {@code kafka.Kafka} and exits as soon as its standard input
 * reaches end of file, which happens when the parent closes it or dies: the broker never outlives the process
 * that started it, even after a {@code kill -9} of the parent.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KafkaBrokerMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // kafka_2.13 is a runtime dependency only: reached by name so local-stack never compiles against it.
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of file
        }
        System.exit(0); // runs Kafka's shutdown hook: a controlled shutdown that keeps the log consistent
    }
}
