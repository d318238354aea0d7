package org.syndication.ingest.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syndication.events.EventSerializer;
import org.syndication.events.NewsItemIngested;
import org.syndication.ingest.config.IngestConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A fixed pool of transactional Kafka producers ({@code acks=all}, idempotent), one transaction per call of
 * {@link #commitAll}: every record of it becomes visible to {@code read_committed} consumers, or none does.
 * <p>
 * Each producer has its own {@code transactional.id} ({@code <application>-<instance>-<n>}). A producer that
 * failed in a way that cannot be aborted cleanly (broker unreachable, commit timed out, fenced) is closed and
 * replaced on next use: the new one's {@code initTransactions} fences the old one and completes or aborts its
 * transaction, so a broken producer never writes again and the pool heals once Kafka is back. The plain Kafka
 * client is used rather than a SmallRye transactional emitter: that one runs one transaction at a time per
 * channel and never replaces its producer after a failed start or commit.
 */
@ApplicationScoped
public class TransactionalProducers {

    /** Configuration of the producer behind one transactional id (no secrets are logged). */
    static Map<String, Object> producerConfig(Map<String, Object> kafka, String transactionalId,
                                              IngestConfig.Publish publish) {
        Map<String, Object> config = new HashMap<>(kafka);
        long timeout = publish.kafkaTimeout().toMillis();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) publish.transactionTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (2 * timeout));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /** {@code <application>-<instance>-}: the common prefix of this instance's transactional ids. */
    static String transactionalIdPrefix(String application, String instanceId) {
        return (application + "-" + instanceId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + "-";
    }

    private final BlockingQueue<Slot> idle;
    private final List<Slot> slots = new ArrayList<>();

    public TransactionalProducers(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
                                  @ConfigProperty(name = "quarkus.application.name") String application) {
        IngestConfig.Publish publish = config.publish();
        String prefix = transactionalIdPrefix(application, publish.instanceId().orElseGet(TransactionalProducers::hostName));
        int size = Math.max(1, publish.producers());
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, Object> producerConfig = producerConfig(kafka, prefix + i, publish);
            Slot slot = new Slot(prefix + i, () -> new KafkaProducer<>(producerConfig, new StringSerializer(),
                    new EventSerializer<>()));
            slots.add(slot);
            idle.add(slot);
        }
        Log.infof("transactional producers=%d transactionalIdPrefix=%s", size, prefix);
    }

    /**
     * Sends the records in one transaction and commits it.
     *
     * @throws TransactionFailedException when the transaction was not committed (it was aborted, or its producer
     *                                    was replaced, which aborts it); the send errors are its cause/suppressed
     */
    public void commitAll(List<ProducerRecord<String, NewsItemIngested>> records, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Slot slot;
        try {
            slot = idle.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionFailedException("interrupted while waiting for a producer", e);
        }
        if (slot == null) {
            throw new TransactionFailedException("no producer free within " + timeout.toMillis() + " ms", null);
        }
        try {
            slot.transaction(records, deadline);
        } finally {
            idle.add(slot);
        }
    }

    @PreDestroy
    void close() {
        slots.forEach(Slot::discard);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot tell the host name: set ingest.publish.instance-id", e);
        }
    }

    /** The transaction did not commit: none of its records is visible to read_committed consumers. */
    public static class TransactionFailedException extends RuntimeException {
        TransactionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One transactional id and its current producer (created on first use, replaced after a fatal error). */
    private static final class Slot {

        private final String transactionalId;
        private final Supplier<Producer<String, NewsItemIngested>> factory;
        private Producer<String, NewsItemIngested> producer;

        Slot(String transactionalId, Supplier<Producer<String, NewsItemIngested>> factory) {
            this.transactionalId = transactionalId;
            this.factory = factory;
        }

        /** Only one thread at a time holds a slot (the pool's queue), so no locking here. */
        void transaction(List<ProducerRecord<String, NewsItemIngested>> records, long deadline) {
            Producer<String, NewsItemIngested> current = ready(deadline);
            List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            try {
                current.beginTransaction();
                for (ProducerRecord<String, NewsItemIngested> record : records) {
                    sends.add(current.send(record));
                }
                retryTimeouts(current::commitTransaction, deadline);
            } catch (RuntimeException e) {
                sendErrors(sends).stream().filter(error -> error != e).forEach(e::addSuppressed);
                abort(current, e);
                throw new TransactionFailedException("transaction aborted transactionalId=" + transactionalId, e);
            }
        }

        /**
         * The producer, created and registered with the transaction coordinator on first use. A start that timed
         * out is retried until the deadline (the broker's first transactional client creates the transaction state
         * topic, which may take longer than one call).
         */
        private Producer<String, NewsItemIngested> ready(long deadline) {
            if (producer == null) {
                Producer<String, NewsItemIngested> created = factory.get();
                try {
                    retryTimeouts(created::initTransactions, deadline);
                } catch (RuntimeException e) {
                    Log.warnf("producer not started transactionalId=%s reason=%s", transactionalId, e.toString());
                    created.close(Duration.ZERO);
                    throw new TransactionFailedException("cannot start transactions transactionalId=" + transactionalId, e);
                }
                producer = created;
            }
            return producer;
        }

        /**
         * Runs a blocking Kafka call again while it times out and the deadline allows; the Kafka client allows this
         * for {@code initTransactions} and {@code commitTransaction} (a commit that timed out may still complete, so
         * it must never be followed by an abort).
         */
        private static void retryTimeouts(Runnable call, long deadline) {
            while (true) {
                try {
                    call.run();
                    return;
                } catch (TimeoutException e) {
                    if (System.nanoTime() >= deadline) {
                        throw e;
                    }
                }
            }
        }

        /** Aborts; a producer that cannot abort (unreachable broker, commit pending, fenced) is replaced. */
        private void abort(Producer<String, NewsItemIngested> current, RuntimeException cause) {
            try {
                current.abortTransaction();
                Log.warnf("transaction aborted transactionalId=%s reason=%s", transactionalId, cause.toString());
            } catch (RuntimeException e) {
                Log.warnf("producer replaced transactionalId=%s reason=%s abort=%s", transactionalId, cause.toString(),
                        e.toString());
                discard();
            }
        }

        private static List<Throwable> sendErrors(List<Future<RecordMetadata>> sends) {
            List<Throwable> errors = new ArrayList<>();
            for (Future<RecordMetadata> send : sends) {
                if (send.isDone()) {
                    try {
                        send.get();
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            }
            return errors.stream().distinct().limit(3).toList();
        }

        void discard() {
            if (producer != null) {
                try {
                    producer.close(Duration.ZERO);
                } catch (RuntimeException e) {
                    Log.debugf("closing producer failed transactionalId=%s error=%s", transactionalId, e.toString());
                }
                producer = null;
            }
        }
    }
}
