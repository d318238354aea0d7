package org.syndication.feed.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.syndication.feed.render.FeedFormat;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem bodies of this service, one stable {@code type} per kind (documented in the README). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI UNKNOWN_FEED = URI.create("https://syndication.example.org/problems/unknown-feed");
    public static final URI UNKNOWN_THEME = URI.create("https://syndication.example.org/problems/unknown-theme");
    public static final URI NOT_FOUND = URI.create("https://syndication.example.org/problems/not-found");
    public static final URI MISSING_TOKEN = URI.create("https://syndication.example.org/problems/missing-token");
    public static final URI WRONG_TOKEN = URI.create("https://syndication.example.org/problems/wrong-token");
    public static final URI INVALID_REQUEST = URI.create("https://syndication.example.org/problems/invalid-request");
    public static final URI INVALID_TOKEN = URI.create("https://syndication.example.org/problems/invalid-token");
    public static final URI SUBSCRIPTION_ENDED = URI.create("https://syndication.example.org/problems/subscription-ended");
    public static final URI RATE_LIMITED = URI.create("https://syndication.example.org/problems/rate-limited");
    public static final URI UNAVAILABLE = URI.create("https://syndication.example.org/problems/unavailable");
    public static final URI HUB_BUSY = URI.create("https://syndication.example.org/problems/hub-busy");
    public static final URI BODY_TOO_LARGE = URI.create("https://syndication.example.org/problems/body-too-large");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** 404 for a feed or theme that does not exist, listing what does. */
    public static Map<String, Object> unknownFeed(URI type, String detail, String instance, List<String> validThemes) {
        Map<String, Object> problem = body(type, "Unknown feed", 404, detail, instance);
        problem.put("validThemes", validThemes);
        problem.put("validFormats", Arrays.stream(FeedFormat.values()).map(FeedFormat::extension).toList());
        return problem;
    }

    public static Map<String, Object> body(URI type, String title, int status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    public static byte[] bytes(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
