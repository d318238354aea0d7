package org.syndication.events;

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
}
