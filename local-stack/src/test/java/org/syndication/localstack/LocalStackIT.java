package org.syndication.localstack;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syndication.events.Topics;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalStackIT {

    @TempDir
    Path dataDir;

    private LocalStack.Settings settings(boolean fresh) {
        return new LocalStack.Settings(dataDir, fresh, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
    }

    @Test
    void startsRealServersAndKeepsDataAcrossARestart() throws Exception {
        LocalStack.Settings settings = settings(false);
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(topicNames(stack)).containsAll(Topics.ALL);
            assertThat(cleanupPolicy(stack, Topics.NEWS_CATALOGUED)).isEqualTo("compact");
            assertThat(cleanupPolicy(stack, Topics.NEWS_INGESTED)).isEqualTo("delete");
            produce(stack, "k1", "first");
            sql(stack, "catalog", "CREATE TABLE kept(v text)", "INSERT INTO kept VALUES ('row')");
        }
        // same ports and directory, not fresh: the record and the row are still there
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(consumeAll(stack)).containsExactly("first");
            assertThat(sql(stack, "catalog", "SELECT v FROM kept")).isEqualTo("row");
        }
        LocalStack.Settings fresh = new LocalStack.Settings(dataDir, true, settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.postgresPort(), settings.smtpPort(), settings.smtpApiPort());
        try (LocalStack stack = LocalStack.start(fresh)) {
            assertThat(consumeAll(stack)).isEmpty();
            assertThatThrownBy(() -> sql(stack, "catalog", "SELECT v FROM kept")).hasMessageContaining("kept");
        }
    }

    @Test
    void smtpSinkShowsReceivedMessagesOverHttp() throws Exception {
        try (SmtpSink sink = SmtpSink.start(Ports.free(), Ports.free())) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("news@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@example.org"));
            message.setSubject("Digest");
            message.setHeader("List-Unsubscribe", "<https://example.org/u>");
            message.setText("hello reader");
            Transport.send(message);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sink.apiUrl())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"subject\":\"Digest\"", "reader@example.org", "hello reader",
                    "List-Unsubscribe");

            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sink.apiUrl())).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(sink.messages()).isEmpty();
        }
    }

    @Test
    void theSmtpSinkEmptiesItselfBeyondItsLimit() throws Exception {
        try (SmtpSink sink = SmtpSink.start(Ports.free(), Ports.free(), 3)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
            for (int i = 1; i <= 3; i++) {
                send(props, "reader-" + i + "@example.org");
            }
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> sink.messages().size() == 3);
            send(props, "reader-4@example.org");
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.messages().isEmpty());
        }
    }

    /**
     * A message whose address headers no parser accepts (issue 13, Low 16) is shown with its header text as it
     * came; it never takes the whole listing down with it.
     */
    @Test
    void theSmtpSinkListsMessagesWhoseAddressesCannotBeParsed() throws Exception {
        try (SmtpSink sink = SmtpSink.start(Ports.free(), Ports.free())) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
            send(props, "before@example.org");
            // the envelope is valid (the server accepts it); the headers are not
            rawSmtp(sink.smtpPort(), "sender@example.org", "target@example.org", String.join("\r\n",
                    "From: <<nobody@example.org",
                    "To: a@b>,<x, \"unclosed <target@example.org",
                    "Cc: @@@",
                    "Subject: broken addresses",
                    "Content-Type: text/plain; charset=us-ascii",
                    "",
                    "the body is fine"));
            send(props, "after@example.org");
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.messages().size() == 3);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sink.apiUrl())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("before@example.org", "after@example.org", "broken addresses",
                    "the body is fine");
            SmtpSink.ReceivedMessage broken = sink.messages().stream()
                    .filter(m -> "broken addresses".equals(m.subject())).findFirst().orElseThrow();
            assertThat(broken.from()).isEqualTo("<<nobody@example.org");
            assertThat(broken.to()).containsExactly("a@b>,<x, \"unclosed <target@example.org", "@@@");
            assertThat(broken.text()).contains("the body is fine");
        }
    }

    /** Sends one message over a plain SMTP conversation, so its headers can be anything. */
    private static void rawSmtp(int port, String mailFrom, String rcptTo, String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : List.of(new String[]{"HELO test", "250"}, new String[]{"MAIL FROM:<" + mailFrom + ">", "250"},
                    new String[]{"RCPT TO:<" + rcptTo + ">", "250"}, new String[]{"DATA", "354"},
                    new String[]{message + "\r\n.", "250"}, new String[]{"QUIT", "221"})) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").isNotNull().startsWith(code);
        } while (line.charAt(3) == '-');
    }

    private static void send(Properties props, String to) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("news@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Digest");
        message.setText("hello");
        Transport.send(message);
    }

    @Test
    void theFirstTransactionMakesATransactionStateTopicSizedForOneBroker() throws Exception {
        try (LocalStack stack = LocalStack.start(settings(true));
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-it"),
                     new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.NEWS_INGESTED, "k", "in a transaction"));
            producer.commitTransaction();

            try (Admin admin = stack.kafka().admin()) {
                assertThat(admin.describeTopics(List.of("__transaction_state")).allTopicNames().get()
                        .get("__transaction_state").partitions()).hasSize(KafkaBroker.INTERNAL_TOPIC_PARTITIONS);
            }
            assertThat(consumeAll(stack)).containsExactly("in a transaction");
        }
    }

    @Test
    void aTakenPortIsReportedByName() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LocalStack.Settings settings = new LocalStack.Settings(dataDir, true, Ports.free(), Ports.free(),
                    socket.getLocalPort(), Ports.free(), Ports.free());
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining(String.valueOf(socket.getLocalPort()))
                    .hasMessageContaining("PostgreSQL");
        }
    }

    private static Set<String> topicNames(LocalStack stack) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return admin.listTopics().names().get();
        }
    }

    private static String cleanupPolicy(LocalStack stack, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        }
    }

    private static void produce(LocalStack stack, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWS_INGESTED, key, value)).get();
        }
    }

    /**
     * Every record of {@code news.ingested} up to the end offsets read now: exact, and no waiting out a timeout to
     * conclude that a fresh topic is empty (no group either, so no rebalance to wait for).
     */
    private static List<String> consumeAll(LocalStack stack) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NEWS_INGESTED, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return values;
    }

    private static String sql(LocalStack stack, String database, String... statements) throws Exception {
        try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); var statement = connection.createStatement()) {
            String last = null;
            for (String sql : statements) {
                if (statement.execute(sql)) {
                    var rows = statement.getResultSet();
                    last = rows.next() ? rows.getString(1) : null;
                }
            }
            return last;
        }
    }
}
