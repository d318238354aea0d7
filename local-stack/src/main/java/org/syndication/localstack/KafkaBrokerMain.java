package org.syndication.localstack;

/**
 * Entry point of the broker's child JVM. It runs {@code kafka.Kafka} and exits as soon as its standard input
 * reaches end of file ({@link ParentWatchdog}), which happens when the parent closes it or dies: the broker never
 * outlives the process that started it, even after a {@code kill -9} of the parent. The exit runs Kafka's shutdown
 * hook: a controlled shutdown that keeps the log consistent.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatchdog.start();
        // kafka_2.13 is a runtime dependency only: reached by name so local-stack never compiles against it.
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
