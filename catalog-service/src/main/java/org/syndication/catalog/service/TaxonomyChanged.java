package org.syndication.catalog.service;

/** CDI event: the taxonomy in the database changed; observed after the commit to rebuild the classifier. */
public record TaxonomyChanged(long revision) {
}
