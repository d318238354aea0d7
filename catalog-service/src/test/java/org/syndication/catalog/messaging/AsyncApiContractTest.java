package org.syndication.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document of events/ describes exactly the topics of {@link Topics}, with schemas that exist. */
class AsyncApiContractTest {

    @Test
    void describesEveryTopicWithKeyHeadersAndAnExistingSchema() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml in the events jar").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");

        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);

        JsonNode messages = doc.path("components").path("messages");
        for (String name : List.of("NewsItemIngested", "NewsItemCatalogued", "DigestIssued")) {
            JsonNode message = messages.path(name);
            assertThat(message.path("bindings").path("kafka").path("key").path("type").asText()).as(name + " key").isEqualTo("string");
            String ref = message.path("payload").path("schema").path("$ref").asText();
            assertThat(ref).as(name + " schema").startsWith("./schemas/");
            assertThat(getClass().getResource("/" + ref.substring(2))).as(ref).isNotNull();
        }
        JsonNode ceHeaders = doc.path("components").path("schemas").path("CloudEventHeaders");
        List<String> required = new ArrayList<>();
        ceHeaders.path("required").forEach(n -> required.add(n.asText()));
        assertThat(required).contains(CeHeaders.SPEC_VERSION, CeHeaders.ID, CeHeaders.TYPE, CeHeaders.SOURCE,
                CeHeaders.TIME, CeHeaders.CONTENT_TYPE);
        List<String> types = new ArrayList<>();
        ceHeaders.path("properties").path(CeHeaders.TYPE).path("enum").forEach(n -> types.add(n.asText()));
        assertThat(types).containsExactlyInAnyOrder(CeTypes.NEWS_ITEM_INGESTED, CeTypes.NEWS_ITEM_CATALOGUED, CeTypes.DIGEST_ISSUED);
        assertThat(messages.path("NewsItemCatalogued").toString()).contains(CeHeaders.THEMES);
    }
}
