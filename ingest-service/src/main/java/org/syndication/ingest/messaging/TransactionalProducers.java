package org.syndication.ingest.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import org.syndication.support.concurrent.DaemonThreads;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed pool of transactional Kafka producers ({@code acks=all}, idempotent). Every record of one call of
 * {@link #commitAll} (a document) is in one transaction, shared with the other documents that waited for a
 * producer at the same time: every record of it becomes visible to {@code read_committed} consumers, or none does.
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

    /**
     * Most records in one transaction of several documents: a document is never split, so a larger one still goes
     * alone; the bound keeps a transaction's records within what the consumers take in a few polls.
     */
    static final int GROUP_RECORDS = 1000;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a producer becomes free or waiting documents were taken into a transaction. */
    private final Condition changed = lock.newCondition();
    private final Deque<Slot> idle = new ArrayDeque<>();
    private final Deque<Request> waiting = new ArrayDeque<>();
    private final List<Slot> slots = new ArrayList<>();

    @Inject
    public TransactionalProducers(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
                                  @ConfigProperty(name = "quarkus.application.name") String application) {
        this(Math.max(1, config.publish().producers()),
                transactionalIdPrefix(application, config.publish().instanceId().orElseGet(TransactionalProducers::hostName)),
                transactionalId -> new KafkaProducer<>(producerConfig(kafka, transactionalId, config.publish()),
                        new StringSerializer(), new EventSerializer<>()));
    }

    /** A pool of {@code size} producers made by {@code factory} from their transactional ids. */
    TransactionalProducers(int size, String prefix, Function<String, Producer<String, NewsItemIngested>> factory) {
        for (int i = 0; i < size; i++) {
            String transactionalId = prefix + i;
            Slot slot = new Slot(transactionalId, () -> factory.apply(transactionalId));
            slots.add(slot);
            idle.add(slot);
        }
        Log.infof("transactional producers=%d transactionalIdPrefix=%s", size, prefix);
    }

    /**
     * Starts the producers in the background once the service has started (readiness does not wait for it): else the
     * first documents after a start wait for their producer's {@code initTransactions}, 1.8–2 s on a freshly started
     * service (soak runs of 2026-12-07).
     */
    void onStart(@Observes StartupEvent event, IngestConfig config) {
        DaemonThreads.start("transactional-producers-start", () -> startAll(config.publish().kafkaTimeout()));
    }

    /**
     * Starts each producer not started yet, one after the other, while no document holds it (a document that needs
     * one meanwhile takes another, or starts its own as before). Stops at the first that cannot start (the broker is
     * unreachable): those start on first use, as without this.
     *
     * @return how many producers are started now
     */
    int startAll(Duration timeout) {
        int started = 0;
        for (Slot slot : slots) {
            if (!takeIdle(slot)) {
                continue; // a document holds it and starts it itself
            }
            try {
                slot.ready(System.nanoTime() + timeout.toNanos());
                started++;
            } catch (TransactionFailedException e) {
                return started; // logged by the slot; the others would wait out the same timeout
            } finally {
                giveBack(slot);
            }
        }
        Log.debugf("transactional producers started=%d", started);
        return started;
    }

    private boolean takeIdle(Slot slot) {
        lock.lock();
        try {
            return idle.remove(slot);
        } finally {
            lock.unlock();
        }
    }

    private void giveBack(Slot slot) {
        lock.lock();
        try {
            idle.add(slot);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the records in one transaction and returns once it is committed. Documents that wait for a producer
     * at the same time share the next free producer's transaction (a group commit: a broker takes a few dozen
     * transactions a second per producer, since a producer's next transaction waits for the markers of its last),
     * so under many small documents each transaction carries several; every record of a document is in the same
     * transaction. When such a shared transaction fails, each of its documents is tried again in a transaction of its
     * own, so one document the broker refuses (too large) fails alone.
     *
     * @throws TransactionFailedException when the transaction was not committed (it was aborted, or its producer
     *                                    was replaced, which aborts it); the send errors are its cause/suppressed
     */
    public void commitAll(List<ProducerRecord<String, NewsItemIngested>> records, Duration timeout) {
        Request mine = new Request(records, System.nanoTime() + timeout.toNanos());
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.taken) {
                while (!mine.taken && idle.isEmpty()) {
                    long left = mine.deadline - System.nanoTime();
                    if (left <= 0) {
                        waiting.remove(mine);
                        throw new TransactionFailedException("no producer free within " + timeout.toMillis() + " ms",
                                null);
                    }
                    changed.awaitNanos(left);
                }
                if (!mine.taken) {
                    // this thread runs the next transaction, for the documents waiting longest (its own among them
                    // unless the bound leaves it for the next one)
                    Slot slot = idle.poll();
                    List<Request> group = takeGroup();
                    changed.signalAll(); // the documents taken along stop waiting for a producer
                    lock.unlock();
                    try {
                        commitGroup(slot, group);
                    } finally {
                        lock.lock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!mine.taken) {
                waiting.remove(mine);
                throw new TransactionFailedException("interrupted while waiting for a producer", e);
            }
            // taken meanwhile: its transaction may commit, so its outcome is awaited like any other
        } finally {
            lock.unlock();
        }
        mine.awaitOutcome();
    }

    /** Documents waiting for a producer (tests). */
    int waitingDocuments() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** The documents waiting longest, up to {@link #GROUP_RECORDS} records (at least one document). */
    private List<Request> takeGroup() {
        List<Request> group = new ArrayList<>();
        int size = 0;
        while (!waiting.isEmpty() && (group.isEmpty() || size + waiting.peek().records.size() <= GROUP_RECORDS)) {
            Request next = waiting.poll();
            next.taken = true;
            group.add(next);
            size += next.records.size();
        }
        return group;
    }

    /** Commits the group's records on the slot, then hands the slot back; every document of it gets its outcome. */
    private void commitGroup(Slot slot, List<Request> group) {
        try {
            if (group.size() == 1) {
                commitAlone(slot, group.get(0));
            } else {
                try {
                    List<ProducerRecord<String, NewsItemIngested>> records = new ArrayList<>();
                    group.forEach(request -> records.addAll(request.records));
                    slot.transaction(records, group.stream().mapToLong(r -> r.deadline).min().orElseThrow());
                    group.forEach(Request::committed);
                    Log.debugf("committed documents=%d records=%d in one transaction", group.size(), records.size());
                } catch (TransactionFailedException e) {
                    if (e.aborted) {
                        Log.debugf("shared transaction of documents=%d aborted (%s); each one again alone",
                                group.size(), e.getMessage());
                        group.forEach(request -> commitAlone(slot, request));
                    } else {
                        // the commit may still complete: trying again could publish a document twice
                        group.forEach(request -> request.failed(e));
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            // whoever waits for these documents gets the error; the thread that ran them goes on to its own
            Log.errorf(e, "transaction of documents=%d failed unexpectedly", group.size());
            group.forEach(request -> request.failed(e));
        } finally {
            giveBack(slot);
        }
    }

    private static void commitAlone(Slot slot, Request request) {
        try {
            slot.transaction(request.records, request.deadline);
            request.committed();
        } catch (TransactionFailedException e) {
            request.failed(e);
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

        /** Whether the broker aborted the transaction for sure (none of it can ever become visible). */
        private final boolean aborted;

        TransactionFailedException(String message, Throwable cause) {
            this(message, cause, false);
        }

        TransactionFailedException(String message, Throwable cause, boolean aborted) {
            super(message, cause);
            this.aborted = aborted;
        }
    }

    /** One document's records waiting for, or in, a transaction; its outcome is set once. */
    private static final class Request {

        private final List<ProducerRecord<String, NewsItemIngested>> records;
        private final long deadline;
        private final CompletableFuture<Void> outcome = new CompletableFuture<>();
        /** In a transaction (guarded by the pool's lock). */
        private boolean taken;

        Request(List<ProducerRecord<String, NewsItemIngested>> records, long deadline) {
            this.records = records;
            this.deadline = deadline;
        }

        void committed() {
            outcome.complete(null);
        }

        void failed(Throwable e) {
            outcome.completeExceptionally(e);
        }

        /**
         * Waits for the transaction that carries it; never gives up early, since a transaction still running may
         * commit, and a document answered as failed must not be visible. Transactions are bounded by the deadline
         * and the producers' own timeouts.
         */
        void awaitOutcome() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        outcome.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TransactionFailedException failed) {
                            throw failed;
                        }
                        throw new TransactionFailedException("transaction failed", e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
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
                boolean aborted = abort(current, e);
                throw new TransactionFailedException("transaction aborted transactionalId=" + transactionalId, e,
                        aborted);
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

        /**
         * Aborts; a producer that cannot abort (unreachable broker, commit pending, fenced) is replaced.
         *
         * @return whether the abort went through (false: the transaction's outcome is up to the broker)
         */
        private boolean abort(Producer<String, NewsItemIngested> current, RuntimeException cause) {
            try {
                current.abortTransaction();
                Log.warnf("transaction aborted transactionalId=%s reason=%s", transactionalId, cause.toString());
                return true;
            } catch (RuntimeException e) {
                Log.warnf("producer replaced transactionalId=%s reason=%s abort=%s", transactionalId, cause.toString(),
                        e.toString());
                discard();
                return false;
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
