package org.syndication.ingest.rest;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator's bearer token ({@code ingest.api-token}), compared in constant time. When no token is configured
 * (the local stack) every caller is the operator; production sets one from a Secret.
 */
@ApplicationScoped
public class OperatorToken {

    /** How a request's {@code Authorization} header stands. */
    public enum Check {
        OPERATOR,
        MISSING,
        WRONG
    }

    private static final String BEARER = "Bearer ";

    private final byte[] token;

    public OperatorToken(IngestConfig config) {
        this.token = config.apiToken().filter(t -> !t.isBlank())
                .map(t -> t.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    void warnWhenOpen(@Observes StartupEvent start) {
        if (token == null) {
            Log.warn("ingest.api-token is not set: registering and deleting sources is open to anyone "
                    + "(fine for the local stack, not for production)");
        }
    }

    public Check check(String authorization) {
        if (token == null) {
            return Check.OPERATOR;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Check.MISSING;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? Check.OPERATOR : Check.WRONG;
    }

    public boolean isOperator(String authorization) {
        return check(authorization) == Check.OPERATOR;
    }
}
