package org.syndication.support.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The operator's bearer token, compared in constant time. What an unset (or blank) token means is the service's
 * choice: {@link WhenUnset#OPEN} lets every caller be the operator (ingest on the local stack), {@link
 * WhenUnset#CLOSED} lets nobody in (feed: its operator API is off until a token is set).
 */
public final class OperatorToken {

    /** How a request's {@code Authorization} header stands. */
    public enum Check {
        OPERATOR,
        MISSING,
        WRONG
    }

    /** What a service without a configured token does. */
    public enum WhenUnset {
        OPEN,
        CLOSED
    }

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final WhenUnset whenUnset;

    public OperatorToken(Optional<String> configured, WhenUnset whenUnset) {
        this.token = configured.map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.whenUnset = whenUnset;
    }

    /** Whether a token is configured at all. */
    public boolean isSet() {
        return token != null;
    }

    public Check check(String authorization) {
        if (token == null && whenUnset == WhenUnset.OPEN) {
            return Check.OPERATOR;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Check.MISSING;
        }
        if (token == null) {
            return Check.WRONG;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? Check.OPERATOR : Check.WRONG;
    }

    public boolean isOperator(String authorization) {
        return check(authorization) == Check.OPERATOR;
    }
}
