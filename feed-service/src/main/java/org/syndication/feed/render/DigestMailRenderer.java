package org.syndication.feed.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.mapping.DigestMapper;

/**
 * Renders a digest's e-mail (templates {@code DigestMails/digest.html} and {@code .txt}) once per digest; each
 * recipient's copy only swaps in its own manage and unsubscribe links. Rendering per recipient would repeat the
 * same work ten thousand times for a large list.
 */
@ApplicationScoped
public class DigestMailRenderer {

    /** Stand-ins for the per-recipient links: URNs that no rendered text contains and Qute leaves unescaped. */
    static final String MANAGE = "urn:x-syndication:recipient-manage-link";
    static final String UNSUBSCRIBE = "urn:x-syndication:recipient-unsubscribe-link";

    private final Template html;
    private final Template text;

    private final FeedConfig config;

    public DigestMailRenderer(@Location("DigestMails/digest.html") Template html,
                              @Location("DigestMails/digest.txt") Template text, FeedConfig config) {
        this.html = html;
        this.text = text;
        this.config = config;
    }

    /** The HTML part (US-ASCII, see {@link Html#asciiOnly}) and the text part of a digest, before addressing. */
    public record Body(String html, String text) {

        /** This body with one recipient's links. */
        public Body forRecipient(String manageUrl, String unsubscribeUrl) {
            return new Body(
                    html.replace(MANAGE, Html.asciiOnly(Html.escape(manageUrl)))
                            .replace(UNSUBSCRIBE, Html.asciiOnly(Html.escape(unsubscribeUrl))),
                    text.replace(MANAGE, manageUrl).replace(UNSUBSCRIBE, unsubscribeUrl));
        }
    }

    public Body render(IssuedDigest issued) {
        DigestMails.DigestView digest = DigestMapper.toView(issued, config.siteTitle());
        DigestMails.Links links = new DigestMails.Links(digest.archiveUrl(), MANAGE, UNSUBSCRIBE);
        return new Body(
                Html.asciiOnly(html.data("digest", digest).data("links", links).render()),
                text.data("digest", digest).data("links", links).render());
    }
}
