package org.syndication.catalog.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syndication.catalog.mapping.ThemeMapper;
import org.syndication.catalog.service.TaxonomyService;
import org.syndication.support.rest.OperatorOnly;

import java.util.List;

@Path("/api/themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {

    private final TaxonomyService taxonomy;

    public ThemeResource(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Every theme with its rules, revision and number of published items. */
    @GET
    public List<ThemeView> list() {
        return taxonomy.overview().stream().map(ThemeMapper::toView).toList();
    }

    /** Creates or replaces a theme's title, description and rules (a new taxonomy revision). */
    @PUT
    @OperatorOnly
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ThemeView update(@PathParam("slug") String slug,
                            @NotNull(message = "a JSON body with title, description and rules is required") ThemeUpdate update) {
        return ThemeMapper.toView(taxonomy.update(slug, update.title(), update.description(), update.rules()));
    }
}
