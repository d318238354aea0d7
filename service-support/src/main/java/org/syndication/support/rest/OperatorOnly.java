package org.syndication.support.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that only the operator may call: {@link ApiTokenFilter} is bound to this annotation and
 * checks {@code Authorization: Bearer <token>} against the service's {@link OperatorAccess}. The binding is to the
 * method routing chose, so no spelling of its path (percent-encoded, doubled slashes, dot segments) gets around the
 * check, as a prefix test on the raw path could. Each service's {@code OperatorOnlyTest} keeps every write method
 * marked (or listed as public on purpose).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorOnly {
}
