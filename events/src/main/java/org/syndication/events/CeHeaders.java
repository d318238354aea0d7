package org.syndication.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** Kafka header names of CloudEvents 1.0 binary content mode, plus our extension attributes. */
public final class CeHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension on {@code news.catalogued}: comma-separated theme slugs, so partners filter without parsing. */
    public static final String THEMES = "ce_themes";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CeHeaders() {
    }

    /**
     * The binary-mode headers every record of ours carries: spec version, id, type, source, time, subject and the
     * JSON content type. Extensions are added with {@link #add}.
     */
    public static RecordHeaders of(String id, String type, String source, String time, String subject) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        add(headers, ID, id);
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, TIME, time);
        add(headers, SUBJECT, subject);
        add(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /** Adds a header whose value is UTF-8 text. */
    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
