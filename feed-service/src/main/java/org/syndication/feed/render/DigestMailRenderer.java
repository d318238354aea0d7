package org.syndication.feed.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.mapping.DigestMapper;

import java.util.List;

/**
 * Renders a digest's e-mail (templates {@code DigestMails/digest.html} and {@code .txt}) once per digest; each
 * recipient's copy only fills in its own manage and unsubscribe links ({@code messaging/AlternativeBody}). Rendering
 * per recipient would repeat the same work ten thousand times for a large list.
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

    /**
     * The stand-ins of a recipient's links in a rendered {@link Body}: each mail fills in {@link #textLinks} and
     * {@link #htmlLinks}, in this order.
     */
    public static final List<String> RECIPIENT_LINKS = List.of(MANAGE, UNSUBSCRIBE);

    /** The HTML part (US-ASCII, see {@link Html#asciiOnly}) and the text part of a digest, before addressing. */
    public record Body(String html, String text) {
    }

    /** A recipient's links as the text part shows them, in the order of {@link #RECIPIENT_LINKS}. */
    public static List<String> textLinks(String manageUrl, String unsubscribeUrl) {
        return List.of(manageUrl, unsubscribeUrl);
    }

    /** A recipient's links as the HTML part shows them (escaped, US-ASCII), in the order of {@link #RECIPIENT_LINKS}. */
    public static List<String> htmlLinks(String manageUrl, String unsubscribeUrl) {
        return List.of(Html.asciiOnly(Html.escape(manageUrl)), Html.asciiOnly(Html.escape(unsubscribeUrl)));
    }

    public Body render(IssuedDigest issued) {
        DigestMails.DigestView digest = DigestMapper.toView(issued, config.siteTitle());
        DigestMails.Links links = new DigestMails.Links(digest.archiveUrl(), MANAGE, UNSUBSCRIBE);
        return new Body(
                Html.asciiOnly(html.data("digest", digest).data("links", links).render()),
                text.data("digest", digest).data("links", links).render());
    }
}
