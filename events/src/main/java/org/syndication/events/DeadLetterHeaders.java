package org.syndication.events;

/**
 * Headers every dead-letter record carries besides the original ones (the names SmallRye's dead-letter queue uses),
 * so partners read a DLQ of any of our topics the same way; written by service-support's {@code DeadLetters}.
 */
public final class DeadLetterHeaders {

    /** Why the record could not be processed. */
    public static final String REASON = "dead-letter-reason";
    /** The root cause, when there is one. */
    public static final String CAUSE = "dead-letter-cause";
    /** Where the record was read: topic, partition and offset. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /**
     * Set by the consumer's deserializer (SmallRye, {@code fail-on-deserialization-failure=false}) when the value was
     * not a valid event, and kept on the dead letter: why, and the raw bytes of the value.
     */
    public static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";
    public static final String DESERIALIZATION_FAILURE_DATA = "deserialization-failure-data";

    private DeadLetterHeaders() {
    }
}
