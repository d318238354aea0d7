package org.syndication.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.deploy.ServiceModule.Access.READ;
import static org.syndication.deploy.ServiceModule.Access.WRITE;

/** Reading the channel bindings out of an application.properties. */
class ServiceModuleTest {

    @Test
    void readsIncomingOutgoingAndDeadLetterTopicsOfTheProductionProfile() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/application.properties")) {
            properties.load(in);
        }

        ServiceModule module = ServiceModule.parse("catalog-service", properties);

        assertThat(module.applicationName()).isEqualTo("catalog-service");
        assertThat(module.httpPort()).isEqualTo(8082);
        assertThat(module.bindings()).containsExactly(
                new ServiceModule.TopicBinding("news.catalogued", WRITE, null, "mp.messaging.outgoing.catalogued.topic"),
                new ServiceModule.TopicBinding("news.ingested", READ, "catalog-service", "mp.messaging.incoming.ingested.topic"),
                new ServiceModule.TopicBinding("news.ingested.dlq", WRITE, null,
                        "mp.messaging.incoming.ingested.dead-letter-queue.topic"),
                new ServiceModule.TopicBinding("replay", READ, "catalog-replay", "mp.messaging.incoming.replay.(channel name)"));
    }
}
