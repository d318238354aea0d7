package org.syndication.feed.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A subscriber's e-mail address as {@link EmailAddresses} takes it (Jakarta Mail's parser plus what a subscription
 * must not carry). Unlike most constraints a missing value breaks it too: a subscription without an address is
 * not one. {@code @Email} is not used: it takes display names, quoted local parts and non-ASCII local parts that
 * no mail server here can take.
 */
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "A valid e-mail address is required.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return EmailAddresses.normalize(value).isPresent();
        }
    }
}
