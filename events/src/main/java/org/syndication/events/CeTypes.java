package org.syndication.events;

/**
 * CloudEvents {@code type} values. A breaking change of a payload gets a new type ending in {@code .v2};
 * additive changes keep the type.
 */
public final class CeTypes {

    public static final String NEWS_ITEM_INGESTED = "org.syndication.news-item.ingested.v1";
    public static final String NEWS_ITEM_CATALOGUED = "org.syndication.news-item.catalogued.v1";
    public static final String DIGEST_ISSUED = "org.syndication.digest.issued.v1";

    private CeTypes() {
    }
}
