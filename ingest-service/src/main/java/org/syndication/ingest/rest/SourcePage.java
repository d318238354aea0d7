package org.syndication.ingest.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.syndication.ingest.mapping.ViewMapper;
import org.syndication.ingest.service.SourceService;
import org.syndication.support.rest.OperatorToken;

import java.util.List;

/**
 * The operator's page: every source with its health, the same views as {@code GET /api/sources} (so the last error
 * only for the operator). Every value is escaped by the template ({@code .html} templates escape by default): names
 * and URLs come from whoever registered the source, errors from the fetched sites.
 */
@Path("/sources")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SourcePage {

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance sources(List<SourceView> sources, boolean operator);
    }

    private final SourceService sources;
    private final OperatorToken operator;

    public SourcePage(SourceService sources, OperatorToken operator) {
        this.sources = sources;
        this.operator = operator;
    }

    @GET
    public TemplateInstance list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean withErrors = operator.isOperator(authorization);
        return Templates.sources(sources.list().stream().map(s -> ViewMapper.toView(s, withErrors)).toList(),
                withErrors);
    }
}
