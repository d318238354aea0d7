package org.syndication.support.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.Function;

/**
 * Refuses a request body over the service's limit ({@link Policy}) with {@code 413} and a problem document
 * before more of it is read, so no request can make the service hold more than that limit. A declared
 * {@code Content-Length} is refused at once; a body without one (chunked) is read into memory only up to the
 * limit. Quarkus' own check of {@code quarkus.http.limits.max-body-size} (each service sets it to the same key)
 * comes right after this route and would answer the same status with an empty body; this route answers first, as
 * every error of a service is a problem document. The rest of the body is dropped as it arrives, then the
 * connection is closed.
 */
@ApplicationScoped
public class BodyLimit {

    /** How much of a refused body is read (and dropped) before the connection is closed anyway. */
    static final long DROP_AT_MOST = 64L << 20;

    /**
     * What a service sets: its limit in bytes and the problem it answers for a longer body, given the request's raw
     * path (each service names its own config key and problem type).
     */
    public record Policy(long maxBytes, Function<String, HttpProblem> tooLarge) {
    }

    private final long limit;
    private final Function<String, HttpProblem> tooLarge;

    public BodyLimit(Policy policy) {
        this.limit = policy.maxBytes();
        this.tooLarge = policy.tooLarge();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (longerThanLimit(declared)) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // the only body without a length: the service speaks HTTP/1.1 alone (quarkus.http.http2=false)
            readBounded(ctx);
        } else {
            ctx.next();
        }
    }

    /**
     * Reads a body of unknown length into memory, refusing it as soon as it passes the limit; JAX-RS then reads the
     * buffered body. (Vert.x' BodyHandler would do the same but parses forms itself, refusing a long form field
     * with a bare 400 before the size is known.)
     */
    private void readBounded(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!refused[0]) {
                ((RoutingContextInternal) ctx).setBody(body);
                ctx.next();
            }
        });
        request.exceptionHandler(ctx::fail);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    private boolean longerThanLimit(String declared) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // not a length: the HTTP codec refuses the request itself
        }
    }

    private void refuse(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        dropRestThenClose(ctx.request(), Problems.send(response, tooLarge.apply(ctx.request().path())));
    }

    /**
     * Reads and drops the rest of the body (at most {@link #DROP_AT_MOST} bytes), then closes the connection: a
     * client that sends its whole body before it reads the answer (most do) then sees the 413 instead of a reset
     * connection, and no byte of it is kept.
     */
    private static void dropRestThenClose(HttpServerRequest request, Future<Void> answered) {
        Runnable close = () -> answered.onComplete(written -> request.connection().close());
        if (request.isEnded()) {
            close.run();
            return;
        }
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DROP_AT_MOST) {
                request.handler(null);
                close.run();
            }
        });
        request.endHandler(ended -> close.run());
        request.resume();
    }
}
