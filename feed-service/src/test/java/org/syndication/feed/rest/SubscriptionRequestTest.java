package org.syndication.feed.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionRequestTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aSubscriptionWithAnAddressAndAFrequencyIsValid() {
        assertThat(validator.validate(request("reader@example.org", "daily"))).isEmpty();
        assertThat(validator.validate(request("reader@b\u00fccher.example", " WEEKLY "))).isEmpty();
    }

    @Test
    void anAddressEmailAddressesRefusesIsAViolation() {
        for (String address : List.of("not-an-address", "Reader <reader@example.org>", "\"q\"@example.org", "")) {
            assertThat(messages(request(address, "DAILY"))).containsExactly("A valid e-mail address is required.");
        }
        assertThat(messages(request(null, "DAILY"))).containsExactly("A valid e-mail address is required.");
    }

    @Test
    void aFrequencyOtherThanDailyOrWeeklyIsAViolation() {
        assertThat(messages(request("reader@example.org", "hourly"))).containsExactly("frequency must be DAILY or WEEKLY.");
        assertThat(messages(request("reader@example.org", null))).containsExactly("frequency must be DAILY or WEEKLY.");
    }

    private static SubscriptionRequest request(String email, String frequency) {
        return new SubscriptionRequest(email, List.of("all"), frequency, List.of());
    }

    private static List<String> messages(SubscriptionRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getMessage).toList();
    }
}
