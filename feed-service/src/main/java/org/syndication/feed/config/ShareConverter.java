package org.syndication.feed.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A share of something whole, in (0, 1]: rejected while the configuration is read, so a bad value stops the start with
 * the property named. A converter rather than Bean Validation constraints on {@link FeedConfig}: one constrained
 * config mapping makes Quarkus build a Hibernate Validator factory for the configuration at every start, about a fifth
 * of the feed service's start-up thread (benchmarks/README.md, issue 18).
 */
public final class ShareConverter implements Converter<Double> {

    @Override
    public Double convert(String value) {
        double share = Double.parseDouble(value.trim());
        if (!(share > 0 && share <= 1)) { // NaN too
            throw new IllegalArgumentException("must be greater than 0 and at most 1: " + value);
        }
        return share;
    }
}
