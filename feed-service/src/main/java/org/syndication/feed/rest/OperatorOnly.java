package org.syndication.feed.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method of the operator API: it runs only for the operator, who sends
 * {@code Authorization: Bearer <feed.api-token>} ({@link ApiTokenFilter} is bound to this annotation).
 * The binding is to the method routing chose, so no spelling of its path (percent-encoded, doubled slashes, dot
 * segments) gets around the check, as a prefix test on the path could. {@code OperatorOnlyTest} lists the write
 * methods that are public on purpose (subscriptions); every other one carries it.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorOnly {
}
