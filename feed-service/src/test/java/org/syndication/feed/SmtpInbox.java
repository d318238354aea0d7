package org.syndication.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The messages the local-stack SMTP sink received, read over its HTTP API. */
public final class SmtpInbox {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;

    public SmtpInbox(String apiUrl) {
        this.api = URI.create(apiUrl);
    }

    /** Every message delivered to an address, oldest first. */
    public List<JsonNode> to(String address) {
        try {
            String body = http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode message : new ObjectMapper().readTree(body)) {
                for (JsonNode to : message.path("to")) {
                    String recipient = to.asText().toLowerCase();
                    String wanted = address.toLowerCase();
                    if (recipient.equals(wanted) || recipient.endsWith("<" + wanted + ">")) {
                        found.add(message);
                        break;
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
