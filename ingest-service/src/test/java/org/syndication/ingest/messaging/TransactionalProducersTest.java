package org.syndication.ingest.messaging;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The configuration of the transactional producers, that nothing else writes news.ingested, and how documents that
 * wait at the same time share a transaction (against Kafka's own {@link MockProducer}; the real broker's side is in
 * the ITs, e.g. {@code AtomicPublishIT}).
 */
class TransactionalProducersTest {

    private static final String TOPIC = Topics.NEWS_INGESTED;

    /** A pool of one producer whose first commit the tests hold, and a thread per posted document. */
    private final HeldProducer producer = new HeldProducer();
    private final TransactionalProducers pool = new TransactionalProducers(1, "test-", id -> producer);
    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    /**
     * A producer whose first commit waits until the test lets it go, so that documents pile up behind it, and whose
     * send refuses a record keyed {@code too-large} as the broker refuses a record over its limit.
     */
    private static final class HeldProducer extends MockProducer<String, NewsItemIngested> {

        final CountDownLatch firstCommitStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        /** The keys of each committed transaction, in order. */
        final List<List<String>> committed = new CopyOnWriteArrayList<>();
        private int sentBefore;

        HeldProducer() {
            super(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, NewsItemIngested> record, Callback callback) {
            if ("too-large".equals(record.key())) {
                throw new RecordTooLargeException("larger than the topic's max.message.bytes");
            }
            return super.send(record, callback);
        }

        @Override
        public void commitTransaction() {
            if (firstCommitStarted.getCount() > 0) {
                firstCommitStarted.countDown();
                try {
                    releaseFirstCommit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                super.commitTransaction();
                List<ProducerRecord<String, NewsItemIngested>> history = history();
                committed.add(history.subList(sentBefore, history.size()).stream().map(ProducerRecord::key).toList());
                sentBefore = history.size();
            }
        }
    }

    private static List<ProducerRecord<String, NewsItemIngested>> document(String... keys) {
        return Arrays.stream(keys).map(key -> new ProducerRecord<String, NewsItemIngested>(TOPIC, 0, key, null)).toList();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Runs {@code commitAll} of the document on a thread of its own; the future fails as the call does. */
    private CompletableFuture<Void> post(List<ProducerRecord<String, NewsItemIngested>> document) {
        return CompletableFuture.runAsync(() -> pool.commitAll(document, Duration.ofSeconds(10)), threads);
    }

    /**
     * Posts {@code first} and holds its commit, posts the {@code queued} documents one after the other (each waiting
     * for the producer before the next is posted, so they queue in this order), then lets the first commit go.
     *
     * @return the outcomes of the queued documents, in order
     */
    @SafeVarargs
    private List<CompletableFuture<Void>> queuedBehindAHeldCommit(List<ProducerRecord<String, NewsItemIngested>> first,
                                                                  List<ProducerRecord<String, NewsItemIngested>>... queued)
            throws Exception {
        CompletableFuture<Void> held = post(first);
        assertThat(producer.firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (List<ProducerRecord<String, NewsItemIngested>> document : queued) {
            waiting.add(post(document));
            int expected = waiting.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.waitingDocuments() == expected);
        }
        producer.releaseFirstCommit.countDown();
        held.get(10, TimeUnit.SECONDS);
        return waiting;
    }

    @Test
    void documentsWaitingForTheProducerShareItsNextTransactionWholeAndInOrder() throws Exception {
        List<CompletableFuture<Void>> waiting = queuedBehindAHeldCommit(document("a1", "a2"),
                document("b1", "b2", "b3"), document("c1", "c2", "c3"), document("d1", "d2", "d3"),
                document("e1", "e2", "e3"), document("f1", "f2", "f3"));
        for (CompletableFuture<Void> document : waiting) {
            document.get(10, TimeUnit.SECONDS);
        }
        assertThat(producer.committed).containsExactly(List.of("a1", "a2"),
                List.of("b1", "b2", "b3", "c1", "c2", "c3", "d1", "d2", "d3", "e1", "e2", "e3", "f1", "f2", "f3"));
        assertThat(pool.waitingDocuments()).isZero();
    }

    @Test
    void aSharedTransactionThatAbortsIsTriedAgainPerDocumentSoOnlyTheRefusedDocumentFails() throws Exception {
        List<CompletableFuture<Void>> waiting = queuedBehindAHeldCommit(document("a1"),
                document("b1", "b2"), document("c1", "too-large"), document("d1"));
        waiting.get(0).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionalProducers.TransactionFailedException.class)
                .rootCause().isInstanceOf(RecordTooLargeException.class);
        waiting.get(2).get(10, TimeUnit.SECONDS);
        assertThat(producer.committed).as("the shared transaction aborted, then each document alone")
                .containsExactly(List.of("a1"), List.of("b1", "b2"), List.of("d1"));
        assertThat(producer.history()).extracting(ProducerRecord::key).doesNotContain("c1");
    }

    @Test
    void aDocumentLargerThanAGroupStillGoesAloneAndGroupsStopAtTheBound() throws Exception {
        String[] large = IntStream.range(0, TransactionalProducers.GROUP_RECORDS + 1).mapToObj(i -> "l" + i)
                .toArray(String[]::new);
        String[] half = IntStream.range(0, TransactionalProducers.GROUP_RECORDS / 2 + 1).mapToObj(i -> "h" + i)
                .toArray(String[]::new);
        List<CompletableFuture<Void>> waiting = queuedBehindAHeldCommit(document("a1"),
                document(large), document(half), document(half));
        for (CompletableFuture<Void> document : waiting) {
            document.get(10, TimeUnit.SECONDS);
        }
        assertThat(producer.committed).extracting(List::size)
                .containsExactly(1, TransactionalProducers.GROUP_RECORDS + 1, half.length, half.length);
    }

    @Test
    void producersStartedAheadOfTheFirstDocumentAreNotStartedAgain() {
        List<MockProducer<String, NewsItemIngested>> made = new CopyOnWriteArrayList<>();
        TransactionalProducers started = new TransactionalProducers(2, "test-", id -> recorded(made, mockProducer()));

        assertThat(started.startAll(Duration.ofSeconds(5))).isEqualTo(2);
        assertThat(made).hasSize(2).allMatch(MockProducer::transactionInitialized);

        started.commitAll(document("a1"), Duration.ofSeconds(5));
        started.commitAll(document("b1"), Duration.ofSeconds(5));
        assertThat(made).as("the documents used the started producers").hasSize(2);
        assertThat(made.stream().mapToLong(MockProducer::commitCount).sum()).isEqualTo(2);
    }

    @Test
    void aProducerThatCannotStartAheadStartsOnFirstUseAndTheOthersAreNotTried() {
        List<MockProducer<String, NewsItemIngested>> made = new CopyOnWriteArrayList<>();
        TransactionalProducers pool = new TransactionalProducers(3, "test-", id -> {
            MockProducer<String, NewsItemIngested> mock = mockProducer();
            if (made.isEmpty()) {
                mock.initTransactionException = new KafkaException("broker unreachable");
            }
            return recorded(made, mock);
        });

        assertThat(pool.startAll(Duration.ofSeconds(5))).isZero();
        assertThat(made).as("one attempt, no waiting on the others").hasSize(1);
        assertThat(made.get(0).closed()).isTrue();

        pool.commitAll(document("a1"), Duration.ofSeconds(5));
        assertThat(made).hasSize(2);
        assertThat(made.get(1).history()).extracting(ProducerRecord::key).containsExactly("a1");
    }

    /** A producer whose sends complete at once; the values are not serialised. */
    private static MockProducer<String, NewsItemIngested> mockProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    }

    private static MockProducer<String, NewsItemIngested> recorded(List<MockProducer<String, NewsItemIngested>> made,
                                                                   MockProducer<String, NewsItemIngested> producer) {
        made.add(producer);
        return producer;
    }

    private static IngestConfig.Publish publish() {
        return new IngestConfig.Publish() {
            public String ceSource() {
                return "/ingest-service";
            }

            public Duration ackTimeout() {
                return Duration.ofSeconds(10);
            }

            public int retryAfterSeconds() {
                return 30;
            }

            public Optional<String> instanceId() {
                return Optional.empty();
            }

            public int producers() {
                return 4;
            }

            public Duration kafkaTimeout() {
                return Duration.ofSeconds(3);
            }

            public Duration transactionTimeout() {
                return Duration.ofSeconds(15);
            }
        };
    }

    @Test
    void producersAreTransactionalIdempotentWithAcksAllAndBoundedTimeouts() {
        Map<String, Object> config = TransactionalProducers.producerConfig(
                Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SASL_SSL", "acks", "1"),
                "ingest-service-pod-a-0", publish());
        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ingest-service-pod-a-0")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000)
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15000);
        // the producer checks these against each other when it starts (serializers are given as instances)
        Map<String, Object> complete = new HashMap<>(config);
        complete.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        complete.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        assertThat(new ProducerConfig(complete).getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG))
                .isEqualTo("ingest-service-pod-a-0");
    }

    @Test
    void transactionalIdsNameTheApplicationAndTheInstance() {
        assertThat(TransactionalProducers.transactionalIdPrefix("ingest-service", "Pod A/7"))
                .isEqualTo("ingest-service-pod-a-7-");
        assertThat(TransactionalProducers.transactionalIdPrefix("ingest-service", "ingest-7f9c-x2"))
                .isNotEqualTo(TransactionalProducers.transactionalIdPrefix("ingest-service", "ingest-7f9c-x3"));
    }

    @Test
    void noMessagingChannelWritesNewsIngestedOutsideATransaction() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TransactionalProducersTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.stringPropertyNames())
                .filteredOn(key -> key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic"))
                .noneMatch(key -> properties.getProperty(key).equals(Topics.NEWS_INGESTED));
    }
}
