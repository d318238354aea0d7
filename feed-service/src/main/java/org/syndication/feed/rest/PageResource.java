package org.syndication.feed.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.ItemNotFoundException;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.render.Pages;

/** The HTML pages: index, one theme, one item. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    private final SitePages site;

    public PageResource(SitePages site) {
        this.site = site;
    }

    @GET
    public TemplateInstance index() {
        return Pages.Templates.index(site.site(FeedItemRepository.ALL), site.themes(), site.all(),
                site.newest(FeedItemRepository.ALL, 20));
    }

    @GET
    @Path("themes/{slug}")
    public TemplateInstance theme(@PathParam("slug") String slug) {
        Pages.ThemeSummary theme = site.theme(slug).orElseThrow(() -> new UnknownThemeException(slug));
        return Pages.Templates.theme(site.site(slug), theme, site.newest(slug, site.pageSize()));
    }

    @GET
    @Path("items/{itemId}")
    public TemplateInstance item(@PathParam("itemId") String itemId) {
        Pages.ItemSummary item = site.item(itemId).orElseThrow(() -> new ItemNotFoundException(itemId));
        return Pages.Templates.item(site.site(FeedItemRepository.ALL), item);
    }
}
