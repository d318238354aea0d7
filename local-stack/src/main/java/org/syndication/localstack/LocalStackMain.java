package org.syndication.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java org.syndication.localstack.LocalStackMain [--data-dir DIR] [--fresh]}: starts the local stack on its
 * fixed ports, prints {@code local-stack ready} and runs until SIGINT or SIGTERM, then stops everything cleanly.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        Path dataDir = Path.of(valueAfter(options, "--data-dir", ".syndicate/data"));
        LocalStack.Settings settings = LocalStack.Settings.defaults(dataDir, options.contains("--fresh"));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (Ports.PortInUseException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        System.out.printf("local-stack ready: kafka=%s postgres=%s smtp=127.0.0.1:%d mail-api=%s%n",
                stack.kafka().bootstrapServers(), stack.postgres().jdbcUrl("<service>"), stack.smtp().smtpPort(),
                stack.smtp().apiUrl());
        System.out.flush();
        stopped.await();
    }

    private static String valueAfter(List<String> options, String name, String fallback) {
        int index = options.indexOf(name);
        return index >= 0 && index + 1 < options.size() ? options.get(index + 1) : fallback;
    }
}
