package org.syndication.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.render.FeedFormat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/** Every absolute URL this service hands out, built from {@code feed.public-base-url}. */
@ApplicationScoped
public class PublicUrls {

    private final String base;

    @Inject
    public PublicUrls(FeedConfig config) {
        this(config.publicBaseUrl());
    }

    public PublicUrls(String publicBaseUrl) {
        this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public String base() {
        return base;
    }

    public String home() {
        return base + "/";
    }

    public String feed(String feedKey, FeedFormat format) {
        return base + "/feeds/" + feedKey + "." + format.extension();
    }

    public String archive(String feedKey, YearMonth month, FeedFormat format) {
        return base + "/feeds/" + feedKey + "/" + month + "." + format.extension();
    }

    /** The WebSub hub every subscription document advertises ({@code rel="hub"}). */
    public String hub() {
        return base + "/hub";
    }

    public String opml() {
        return base + "/feeds.opml";
    }

    public String theme(String feedKey) {
        return base + "/themes/" + feedKey;
    }

    /** The identifier of the theme taxonomy, used as category scheme/domain. */
    public String themes() {
        return base + "/themes/";
    }

    public String item(String itemId) {
        return base + "/items/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8);
    }

    public String digests(String theme) {
        return base + "/digests/" + theme;
    }

    public String digestsAtom(String theme) {
        return base + "/digests/" + theme + ".atom";
    }

    /** A subscription page that acts on a token: {@code confirm}, {@code unsubscribe} or {@code manage}. */
    public String subscription(String action, String token) {
        return base + "/subscriptions/" + action + "?token=" + token;
    }

    public String digest(String theme, String periodId) {
        return base + "/digests/" + theme + "/" + periodId;
    }
}
