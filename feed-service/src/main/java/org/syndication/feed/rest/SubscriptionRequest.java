package org.syndication.feed.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * Body of {@code POST /api/subscriptions}; a broken rule is an {@code invalid-request} problem. The themes and
 * queries are checked by the service (against the themes it knows, and as the search feed checks a query).
 */
public record SubscriptionRequest(
        @EmailAddress String email,
        List<String> themes,
        @NotNull(message = SubscriptionRequest.FREQUENCY)
        @Pattern(regexp = "\\s*(daily|weekly)\\s*", flags = Pattern.Flag.CASE_INSENSITIVE,
                message = SubscriptionRequest.FREQUENCY)
        String frequency,
        List<String> queries) {

    static final String FREQUENCY = "frequency must be DAILY or WEEKLY.";
}
