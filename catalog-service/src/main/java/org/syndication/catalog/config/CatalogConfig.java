package org.syndication.catalog.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import org.syndication.support.messaging.OutboxConfig;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** All settings of the catalog service (prefix {@code catalog}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** Bearer token required by every write endpoint (PUT, POST, DELETE). No default: supply it as CATALOG_API_TOKEN. */
    String apiToken();

    /** CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/catalog-service")
    String eventSource();

    Api api();

    Classifier classifier();

    /** The outbox relay ({@code catalog.outbox.*}, the same keys as feed-service's). */
    OutboxConfig outbox();

    Recategorise recategorise();

    Search search();

    interface Api {
        /** Page size when the request gives none. */
        @WithDefault("20")
        int defaultPageSize();

        /**
         * Largest request body (a theme is a few KB); a larger one is refused with 413 before it is read.
         * {@code quarkus.http.limits.max-body-size} follows this key (application.properties).
         */
        @WithDefault("256K")
        MemorySize maxBodySize();
    }

    interface Classifier {
        /** A taxonomy file (YAML) to seed from instead of the bundled classpath:taxonomy.yaml. */
        Optional<String> taxonomyFile();

        /** Minimum score for a theme whose rules set no threshold of their own. */
        @WithDefault("6.0")
        double defaultThreshold();

        /** Points per weight unit for a term found in the title (once per term). */
        @WithDefault("3.0")
        double titleBoost();

        /** Body length (in tokens) up to which body points are not damped; longer bodies need more mentions. */
        @WithDefault("150")
        int bodyReferenceLength();

        /** How often the in-memory taxonomy is compared with the database (other instances may change it). */
        @WithDefault("30s")
        Duration refreshInterval();
    }

    interface Recategorise {
        /** Items re-classified per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface Search {
        /** Items whose full-text vector is computed per transaction of the background indexer. */
        @WithDefault("500")
        int batchSize();

        /** Periodic sweep for items left without a vector (e.g. by another instance); commits also wake it at once. */
        @WithDefault("2s")
        Duration sweepInterval();
    }
}
