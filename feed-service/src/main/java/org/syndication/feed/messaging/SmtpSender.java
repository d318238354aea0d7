package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syndication.support.concurrent.DaemonThreads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends many mails over a pool of open SMTP connections (Jakarta Mail's SMTP transport): the digest path, where
 * thousands of mails go out at once. Each connection sends on its own thread, one message after another, and stays
 * open for the next batch. The Vert.x mail client behind the Quarkus mailer (still used for the single confirmation
 * and manage mails) writes and flushes every line of a body on its own, a system call per line; here a message goes
 * through a buffered stream, a few writes per mail. The server is the Quarkus mailer's ({@code quarkus.mailer.*}),
 * so one set of settings serves both.
 */
@ApplicationScoped
public class SmtpSender {

    /** Connect, read and write timeout of a connection: a server that stops answering fails the mail in hand. */
    static final int TIMEOUT_MILLIS = 60_000;
    /** A sending thread without work ends after this long. */
    static final int IDLE_THREAD_SECONDS = 30;

    private final Session session;
    private final int connections;
    private final BlockingQueue<Transport> idle;
    private final ThreadPoolExecutor threads;

    public SmtpSender(@ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
                      @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
                      @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
                      @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
                      @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
                      @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
                      @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10") int connections) {
        String protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port.orElse(tls ? 465 : 25)));
        properties.put("mail." + protocol + ".auth", String.valueOf(username.isPresent()));
        properties.put("mail." + protocol + ".starttls.enable", String.valueOf(!"DISABLED".equalsIgnoreCase(startTls)));
        properties.put("mail." + protocol + ".starttls.required", String.valueOf("REQUIRED".equalsIgnoreCase(startTls)));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        // Angus Mail gives each connection a timer thread for this (WriteTimeoutSocket), kept as long as the
        // connection is; one shared timer took the digest to 10,000 from 28.7-29.9 s to 30.9-32.5 s in alternated
        // runs (benchmarks/README.md), so each connection keeps its own
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        // no QUIT round trip when a broken connection is dropped
        properties.put("mail." + protocol + ".quitwait", "false");
        this.session = Session.getInstance(properties, username.isEmpty() ? null : new jakarta.mail.Authenticator() {
            @Override
            protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication(username.get(), password.orElse(""));
            }
        });
        this.connections = Math.max(1, connections);
        this.idle = new ArrayBlockingQueue<>(this.connections);
        this.threads = new ThreadPoolExecutor(this.connections, this.connections, IDLE_THREAD_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.numbered("digest-smtp"));
        // a digest goes out once an hour at most: the sending threads need not wait for the next one
        threads.allowCoreThreadTimeOut(true);
    }

    /** Builds the {@code i}-th message of a {@link #sendAll} call. */
    @FunctionalInterface
    public interface Messages {
        MimeMessage build(int i) throws MessagingException;
    }

    /** The session the messages are built in (its settings decide how they are encoded). */
    public Session session() {
        return session;
    }

    /**
     * Sends {@code count} messages, each built by {@code message} on the connection's thread just before it goes
     * out; returns each one's failure, {@code null} for a message the server accepted. A failure fails only its own
     * message, and its connection is dropped (the next message opens a new one).
     */
    public List<Exception> sendAll(int count, Messages message) {
        Exception[] failures = new Exception[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(connections, count); w++) {
            workers.add(threads.submit(() -> {
                Transport transport = null;
                try {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        try {
                            if (transport == null) {
                                transport = connection();
                            }
                            MimeMessage mail = message.build(i);
                            transport.sendMessage(mail, mail.getAllRecipients());
                        } catch (MessagingException | RuntimeException e) {
                            failures[i] = e;
                            close(transport);
                            transport = null;
                        }
                    }
                } finally {
                    if (transport != null && !idle.offer(transport)) {
                        close(transport);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Arrays.asList(failures);
    }

    /** An open connection: an idle one that still answers (NOOP), else a new one. */
    private Transport connection() throws MessagingException {
        for (Transport transport; (transport = idle.poll()) != null; ) {
            if (transport.isConnected()) {
                return transport;
            }
            close(transport);
        }
        Transport transport = session.getTransport();
        transport.connect();
        return transport;
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            Log.debugf("closing an SMTP connection: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
        for (Transport transport; (transport = idle.poll()) != null; ) {
            close(transport);
        }
    }
}
