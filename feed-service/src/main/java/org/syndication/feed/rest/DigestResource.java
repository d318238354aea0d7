package org.syndication.feed.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syndication.feed.ItemNotFoundException;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.DigestService;

/** The web archive of digests: list, one digest, Atom feed of digests. */
@Path("/digests")
public class DigestResource {

    private static final int ARCHIVE_SIZE = 200;

    private final DigestService digests;
    private final SitePages site;
    private final PublicUrls urls;

    public DigestResource(DigestService digests, SitePages site, PublicUrls urls) {
        this.digests = digests;
        this.site = site;
        this.urls = urls;
    }

    @GET
    @Path("{theme}.atom")
    public Response atom(@PathParam("theme") String theme) {
        return Response.ok(digests.atom(theme), FeedFormat.ATOM.contentType())
                .header("Cache-Control", "public, max-age=60").build();
    }

    @GET
    @Path("{theme}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@PathParam("theme") String theme) {
        var links = digests.archive(theme, ARCHIVE_SIZE).stream().map(d -> site.digestLink(theme, d)).toList();
        Pages.ThemeSummary summary = site.theme(theme).orElseThrow(() -> new UnknownThemeException(theme));
        return Pages.Templates.digests(site.site(theme), summary, links, urls.digestsAtom(theme));
    }

    @GET
    @Path("{theme}/{periodId}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance digest(@PathParam("theme") String theme, @PathParam("periodId") String periodId) {
        return digests.find(theme, periodId)
                .map(digest -> Pages.Templates.digest(site.site(theme), site.digest(digest)))
                .orElseThrow(() -> new ItemNotFoundException("digest " + theme + "/" + periodId));
    }
}
