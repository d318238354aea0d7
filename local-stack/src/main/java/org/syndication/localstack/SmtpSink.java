package org.syndication.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jboss.logging.Logger;
import org.syndication.events.EventJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail) that accepts every message, with a small HTTP API to read what it received:
 * {@code GET /api/messages} (JSON) and {@code DELETE /api/messages}. It keeps messages in memory, so it empties
 * itself once it holds more than {@link #MAX_KEPT}: a digest to thousands of subscribers must not exhaust the heap
 * of a development sink.
 */
public final class SmtpSink implements AutoCloseable {

    public static final String API_PATH = "/api/messages";

    /** Most messages kept by default; beyond that the sink is emptied (checked every second). */
    public static final int MAX_KEPT = 1_000;

    private static final Logger LOG = Logger.getLogger(SmtpSink.class);

    private final GreenMail greenMail;
    private final HttpServer api;
    private final int maxKept;
    private final ScheduledExecutorService trimmer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smtp-sink-trim");
        thread.setDaemon(true);
        return thread;
    });

    private SmtpSink(GreenMail greenMail, HttpServer api, int maxKept) {
        this.greenMail = greenMail;
        this.api = api;
        this.maxKept = maxKept;
        trimmer.scheduleWithFixedDelay(this::trim, 1, 1, TimeUnit.SECONDS);
    }

    private void trim() {
        try {
            int kept = greenMail.getReceivedMessages().length;
            if (kept > maxKept) {
                purge();
                LOG.warnf("the SMTP sink held %d messages (more than %d): emptied it", kept, maxKept);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot trim the SMTP sink", e);
        }
    }

    public static SmtpSink start(int smtpPort, int apiPort) {
        return start(smtpPort, apiPort, MAX_KEPT);
    }

    static SmtpSink start(int smtpPort, int apiPort, int maxKept) {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), apiPort), 16);
            SmtpSink sink = new SmtpSink(greenMail, api, maxKept);
            api.createContext(API_PATH, sink::handle);
            api.start();
            LOG.infof("SMTP sink on port %d, messages at %s", smtpPort, sink.apiUrl());
            return sink;
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("cannot start the SMTP sink API on port " + apiPort, e);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort() + API_PATH;
    }

    /**
     * Every message received so far, oldest first. The sink accepts whatever a client sends, so a message may be
     * malformed: addresses that do not parse are shown as their header text, and a message that cannot be read at
     * all is left out (logged) rather than failing the whole list.
     */
    public List<ReceivedMessage> messages() {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                messages.add(toReceived(message));
            } catch (RuntimeException e) {
                LOG.warnf("the SMTP sink left out a message it cannot read: %s", e.getMessage());
            }
        }
        return messages;
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the SMTP sink", e);
        }
    }

    @Override
    public void close() {
        trimmer.shutdownNow();
        api.stop(0);
        greenMail.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, EventJson.toBytes(messages()));
                case "DELETE" -> {
                    purge();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> respond(exchange, 405, "{\"title\":\"use GET or DELETE\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * One received message. A recipient of a message sent to several addresses appears once per copy, as SMTP
     * delivers one copy per recipient.
     */
    public record ReceivedMessage(String messageId, String from, List<String> to, String subject,
                                  Map<String, String> headers, String text, String html, String raw) {
    }

    private static ReceivedMessage toReceived(MimeMessage message) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
            }
            List<String> to = new ArrayList<>();
            for (String header : List.of("To", "Cc", "Bcc")) {
                to.addAll(addresses(message, header));
            }
            Map<String, String> parts = new LinkedHashMap<>();
            collectTextParts(message, parts);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            List<String> senders = addresses(message, "From");
            if (senders.isEmpty()) {
                senders = addresses(message, "Sender");
            }
            String from = senders.isEmpty() ? null : senders.get(0);
            return new ReceivedMessage(message.getMessageID(), from, to, message.getSubject(), headers,
                    parts.get("text/plain"), parts.get("text/html"), raw.toString(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    /**
     * The addresses of one header field: parsed (strict, as Jakarta Mail's own getters do) where a field line
     * parses, else that line's text as it came, so a malformed address is shown instead of failing the message.
     */
    static List<String> addresses(MimeMessage message, String header) throws MessagingException {
        String[] lines = message.getHeader(header);
        if (lines == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            try {
                Arrays.stream(InternetAddress.parseHeader(line, true)).forEach(address -> found.add(address.toString()));
            } catch (AddressException e) {
                found.add(MimeUtility.unfold(line).strip());
            }
        }
        return found;
    }

    private static void collectTextParts(Part part, Map<String, String> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectTextParts(child, found);
            }
        } else if (part.isMimeType("text/plain")) {
            found.putIfAbsent("text/plain", String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/html")) {
            found.putIfAbsent("text/html", String.valueOf(part.getContent()));
        }
    }
}
