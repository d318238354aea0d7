package org.syndication.ingest.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that only the operator may call ({@link ApiTokenFilter}). Bound to the method itself, not
 * to a path prefix, so no spelling of the path (percent-encoding, double slashes, dot segments) gets around it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorOnly {
}
