package org.syndication.catalog.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemQuery;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.catalog.mapping.ItemViewMapper;
import org.syndication.catalog.service.CatalogService;
import org.syndication.catalog.service.ItemQueryService;
import org.syndication.support.rest.OperatorOnly;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

@Path("/api/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    private static final String SIZE_RANGE = "size must be between 1 and " + ItemPage.MAX_SIZE;

    private final ItemQueryService queries;
    private final CatalogService catalog;
    private final CatalogConfig config;

    public ItemResource(ItemQueryService queries, CatalogService catalog, CatalogConfig config) {
        this.queries = queries;
        this.catalog = catalog;
        this.config = config;
    }

    /** Published items, newest first; {@code q} uses PostgreSQL web-search syntax; dates are ISO (yyyy-mm-dd). */
    @GET
    public ItemPage search(@QueryParam("theme") String theme, @QueryParam("q") String q, @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("page") @Min(value = 0, message = "page must be 0 or more") Integer page,
                           @QueryParam("size") @Min(value = 1, message = SIZE_RANGE)
                           @Max(value = ItemPage.MAX_SIZE, message = SIZE_RANGE) Integer size) {
        ItemQuery query = new ItemQuery(text(theme), text(q), date("from", from), date("to", to),
                page == null ? 0 : page, size == null ? config.api().defaultPageSize() : size);
        return ItemViewMapper.toPage(queries.search(query));
    }

    @GET
    @Path("{itemId}")
    public ItemView find(@PathParam("itemId") String itemId) {
        return ItemViewMapper.toView(queries.find(itemId));
    }

    /**
     * Withdraws this item id's source of the story ({@code scope=source}, the default) or the whole story
     * ({@code scope=story}). The story leaves the feeds, its event saying WITHDRAWN, once no source carries it.
     */
    @DELETE
    @OperatorOnly
    @Path("{itemId}")
    public ItemView withdraw(@PathParam("itemId") String itemId, @QueryParam("scope") String scope) {
        boolean wholeStory;
        if (scope == null || scope.isBlank() || scope.strip().equals("source")) {
            wholeStory = false;
        } else if (scope.strip().equals("story")) {
            wholeStory = true;
        } else {
            throw new InvalidRequestException("scope", "scope must be source or story");
        }
        return ItemViewMapper.toView(queries.find(catalog.withdraw(itemId, wholeStory)));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be an ISO date (yyyy-mm-dd)");
        }
    }
}
