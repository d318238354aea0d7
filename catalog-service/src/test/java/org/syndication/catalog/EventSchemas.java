package org.syndication.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The partner JSON Schemas shipped in the events jar ({@code /schemas/*.schema.json}). */
public final class EventSchemas {

    public static final String NEWS_ITEM_INGESTED = "news-item-ingested";
    public static final String NEWS_ITEM_CATALOGUED = "news-item-catalogued";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** The violations of the payload against the named schema (empty when valid). */
    public static List<String> violations(String schemaName, byte[] payload) {
        String resource = "/schemas/" + schemaName + ".schema.json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (events jar)");
            }
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            JsonNode node = JSON.readTree(payload);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
