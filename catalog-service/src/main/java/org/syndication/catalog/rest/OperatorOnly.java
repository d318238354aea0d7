package org.syndication.catalog.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes state: it runs only for the operator, who sends
 * {@code Authorization: Bearer <catalog.api-token>} ({@link ApiTokenFilter} is bound to this annotation).
 * The binding is to the method routing chose, so no spelling of its path (percent-encoded, doubled slashes, dot
 * segments) gets around the check, as a prefix test on the raw path did. Every write method carries it
 * ({@code OperatorOnlyTest} keeps it so).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorOnly {
}
