package org.syndication.feed.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.service.HubService;
import org.syndication.feed.websub.CallbackGuard;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The WebSub hub endpoint (W3C WebSub 5.1): a form-encoded subscribe or unsubscribe request is validated here,
 * answered {@code 202 Accepted}, and its intent verified afterwards ({@link HubService}). Public on purpose: the
 * intent verification is what keeps a third party from subscribing or unsubscribing someone else's callback.
 */
@Path("/hub")
public class HubResource {

    private final HubService hub;
    private final FeedConfig config;

    public HubResource(HubService hub, FeedConfig config) {
        this.hub = hub;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("hub.mode") String mode, @FormParam("hub.callback") String callback,
                            @FormParam("hub.topic") String topic, @FormParam("hub.lease_seconds") String lease,
                            @FormParam("hub.secret") String secret) {
        HubService.Mode parsedMode = mode(mode);
        String checkedTopic = topic(topic);
        URI checkedCallback = callback(callback);
        int leaseSeconds = parsedMode == HubService.Mode.SUBSCRIBE ? lease(lease) : 0;
        Optional<String> checkedSecret = parsedMode == HubService.Mode.SUBSCRIBE ? secret(secret) : Optional.empty();
        hub.accept(new HubService.Request(parsedMode, checkedTopic, checkedCallback, checkedSecret, leaseSeconds));
        return Response.accepted().build();
    }

    private static HubService.Mode mode(String mode) {
        if ("subscribe".equals(mode)) {
            return HubService.Mode.SUBSCRIBE;
        }
        if ("unsubscribe".equals(mode)) {
            return HubService.Mode.UNSUBSCRIBE;
        }
        throw new InvalidRequestException("hub.mode must be subscribe or unsubscribe");
    }

    private String topic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidRequestException("hub.topic is required");
        }
        if (topic.length() > HubService.MAX_URL_LENGTH) {
            throw new InvalidRequestException("hub.topic is longer than " + HubService.MAX_URL_LENGTH + " characters");
        }
        if (!hub.isTopic(topic)) {
            throw new InvalidRequestException("hub.topic is not a feed of this hub: topics are the subscription"
                    + " documents " + config.publicBaseUrl().replaceAll("/$", "") + "/feeds/<feed>.{rss,atom,json}");
        }
        return topic;
    }

    private URI callback(String callback) {
        if (callback == null || callback.isBlank()) {
            throw new InvalidRequestException("hub.callback is required");
        }
        if (callback.length() > HubService.MAX_URL_LENGTH) {
            throw new InvalidRequestException("hub.callback is longer than " + HubService.MAX_URL_LENGTH + " characters");
        }
        try {
            return hub.checkCallback(callback);
        } catch (CallbackGuard.UnsafeCallbackException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** The lease asked for, in seconds, within the configured bounds; the default lease when none is asked for. */
    private int lease(String lease) {
        long min = config.websub().minLease().toSeconds();
        long max = config.websub().maxLease().toSeconds();
        if (lease == null || lease.isEmpty()) {
            return (int) Math.min(Math.max(config.websub().defaultLease().toSeconds(), min), max);
        }
        String bounds = "hub.lease_seconds must be a whole number of seconds from " + min + " to " + max;
        if (lease.length() > 10 || !lease.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestException(bounds);
        }
        long seconds = Long.parseLong(lease);
        if (seconds < min || seconds > max) {
            throw new InvalidRequestException(bounds);
        }
        return (int) seconds;
    }

    private static Optional<String> secret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > HubService.MAX_SECRET_BYTES) {
            throw new InvalidRequestException("hub.secret must be shorter than 200 bytes");
        }
        return Optional.of(secret);
    }
}
