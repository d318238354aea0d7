package org.syndication.feed.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.feed.service.FeedCache;

/** Domain exceptions → RFC 9457 problem responses. */
public class ProblemMappers {

    private final FeedCache cache;

    public ProblemMappers(FeedCache cache) {
        this.cache = cache;
    }

    @ServerExceptionMapper
    public Response unknownTheme(UnknownThemeException e, UriInfo uri) {
        return response(404, Problems.unknownFeed(Problems.UNKNOWN_THEME, e.getMessage(), uri.getPath(),
                cache.validFeeds()));
    }

    @ServerExceptionMapper
    public Response unknownItem(UnknownItemException e, UriInfo uri) {
        return response(404, Problems.body(Problems.NOT_FOUND, "Not found", 404, e.getMessage(), uri.getPath()));
    }

    static Response response(int status, java.util.Map<String, Object> problem) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.bytes(problem)).build();
    }
}
