package org.syndication.feed.websub;

import org.syndication.feed.render.FeedFormat;

import java.util.Optional;

/**
 * A WebSub topic of this hub: the subscription document of one feed in one format, named by its public URL
 * ({@code <feed.public-base-url>/feeds/<feed>.<format>}). Archive documents are not topics: they do not take new
 * entries.
 */
public record Topic(String feedKey, FeedFormat format) {

    /** The feed and format a topic URL names, if it has the form of one (whether that feed exists is not checked). */
    public static Optional<Topic> parse(String url, String publicBase) {
        String prefix = publicBase + "/feeds/";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String file = url.substring(prefix.length());
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || file.indexOf('/') >= 0 || file.indexOf('?') >= 0 || file.indexOf('#') >= 0) {
            return Optional.empty();
        }
        String key = file.substring(0, dot);
        return FeedFormat.ofExtension(file.substring(dot + 1)).map(format -> new Topic(key, format));
    }
}
