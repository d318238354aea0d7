package org.syndication.support.messaging;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Runs a consumer's database work (one transaction: the caller's {@code @Transactional} service method, so every
 * attempt is a new transaction) and runs it again while the failure is a {@link TransientDatabaseError}: first
 * after 100 ms, doubling up to 5 s, with no limit on attempts or time ({@code maxRetries=-1, maxDuration=0}), as
 * nothing accepted may be lost when the database restarts; the partition stalls meanwhile. Any other failure is
 * thrown at once, for the consumer's per-record fallback and dead-lettering.
 */
@ApplicationScoped
public class DatabaseRetry {

    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 0)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientDatabaseError.class)
    @BeforeRetry(LogRetry.class)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    /** One warning per retry, so that a stalled partition shows in the log. */
    @Dependent
    public static class LogRetry implements BeforeRetryHandler {
        @Override
        public void handle(ExecutionContext context) {
            Log.warnf("transient database error, retrying: %s",
                    String.valueOf(context.getFailure()));
        }
    }
}
