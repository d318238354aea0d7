package org.syndication.localstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java org.syndication.localstack.SmtpSinkMain SMTP_PORT API_PORT}: the SMTP sink in a child JVM of the
 * supervisor ({@code ./syndicate up}), so it can fail and be restarted on its own like Kafka and PostgreSQL. Exits
 * when its standard input closes ({@link ParentWatchdog}); messages are kept in memory, so a restart empties it.
 */
public final class SmtpSinkMain {

    private SmtpSinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatchdog.start();
        SmtpSink sink = SmtpSink.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            stopped.countDown();
        }, "smtp-sink-stop"));
        System.out.printf("smtp-sink ready: smtp=127.0.0.1:%d mail-api=%s%n", sink.smtpPort(), sink.apiUrl());
        System.out.flush();
        stopped.await();
    }
}
