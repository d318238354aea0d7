package org.syndication.feed.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.digest.Period;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.DigestService;
import org.syndication.support.rest.OperatorOnly;

import java.net.URI;
import java.util.List;

/**
 * Operator API (bearer token): issue the digest of a theme and period ({@code 2026-11-23} or {@code 2026-W48}),
 * or with {@code ?preview=true} only see it. Issuing twice is harmless: the second call reports the first.
 */
@Path("/api/digests")
public class DigestApiResource {

    /** The answer of an issue request. */
    public record IssueResult(boolean issued, boolean alreadyIssued, String theme, String period, int items,
                              int recipients, String archiveUrl, List<String> titles) {
    }

    private final DigestService digests;
    private final SitePages site;

    public DigestApiResource(DigestService digests, SitePages site) {
        this.digests = digests;
        this.site = site;
    }

    @POST
    @OperatorOnly
    @Path("{theme}/{period}")
    public Response issue(@PathParam("theme") String theme, @PathParam("period") String periodId,
                          @QueryParam("preview") boolean preview) {
        Period period = Period.parse(periodId).orElseThrow(() -> new InvalidRequestException(
                "Period must be a day (2026-11-23) or an ISO week (2026-W48), not '" + periodId + "'."));
        DigestService.Issued result = digests.issue(theme, period, preview);
        if (preview) {
            return result.digest()
                    .map(digest -> Response.ok(Pages.Templates.digest(site.site(theme), site.digest(digest)).render(),
                            MediaType.TEXT_HTML_TYPE))
                    .orElseGet(() -> Response.ok(new IssueResult(false, false, theme, period.id(), 0, 0, null, List.of()),
                            MediaType.APPLICATION_JSON_TYPE))
                    .build();
        }
        IssueResult body = result.digest()
                .map(digest -> new IssueResult(result.created(), !result.created(), theme, period.id(),
                        digest.items().size(), result.recipients(), digest.archiveUrl(),
                        digest.items().stream().map(PublishedItem::title).toList()))
                .orElse(new IssueResult(false, false, theme, period.id(), 0, 0, null, List.of()));
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create(body.archiveUrl())) : Response.ok();
        return response.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
