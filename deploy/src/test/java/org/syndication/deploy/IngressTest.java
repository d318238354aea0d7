package org.syndication.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public path of the feed service is routed by its Ingress, and its operator API is not. The paths come
 * from the service's code (JAX-RS resources and Vert.x routes), so a new page, a new link in a mail or a new
 * operator endpoint fails here until the Ingress says what to do with it.
 */
class IngressTest {

    private static final List<ServiceEndpoints.Endpoint> FEED = ServiceEndpoints.of(IngressRules.SERVICE);

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void theIngressRoutesEveryPublicPathOfTheFeedServiceAndNoOperatorPath(String overlay) {
        assertThat(IngressRules.check(Manifests.overlay(overlay), FEED)).isEmpty();
    }

    @Test
    void theEndpointsAreReadFromTheFeedServiceCode() {
        // what mails, pages and partners link to: if the scan lost any of these, the check above would be hollow
        assertThat(FEED).filteredOn(e -> !e.operator()).extracting(ServiceEndpoints.Endpoint::path)
                .contains("/", "/feeds.opml", "/feeds/{file}", "/feeds/{feed}/{file}", "/themes/{slug}",
                        "/items/{itemId}", "/digests/{theme}", "/digests/{theme}.atom", "/digests/{theme}/{periodId}",
                        "/api/subscriptions", "/subscriptions", "/subscriptions/confirm", "/subscriptions/unsubscribe",
                        "/subscriptions/manage");
        assertThat(FEED).filteredOn(ServiceEndpoints.Endpoint::operator).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path()).startsWith("/api/digests/"));
        // every class named as operator API still exists
        assertThat(FEED).extracting(ServiceEndpoints.Endpoint::declaredIn)
                .containsAll(ServiceEndpoints.OPERATOR_RESOURCES.get(IngressRules.SERVICE));
    }

    @Test
    void resourcesAndRoutesAreReadWithTheirPathsJoined() {
        String source = """
                package x;
                @Path("/api")
                public class Things {
                    static final String ONE = "things/{id}";
                    @GET @Path(ONE) public String one() { return ""; }
                    @jakarta.ws.rs.POST public void add() { }
                    @DELETE @Path("things/{id}") @RolesAllowed("operator") public void remove() { }
                    public String notAnEndpoint() { return ""; }
                    void routes(Router router) { router.route("/raw/:name").handler(c -> { }); }
                }
                """;

        assertThat(ServiceEndpoints.parse(source, Set.of())).extracting(Object::toString).containsExactlyInAnyOrder(
                "GET /api/things/{id} (Things)",
                "POST /api (Things)",
                "DELETE /api/things/{id} (Things, operator)",
                "* /raw/{name} (Things)");
        assertThat(ServiceEndpoints.parse(source, Set.of("Things"))).allMatch(ServiceEndpoints.Endpoint::operator);
    }

    @Test
    void pathsMatchAsKubernetesDefinesExactAndPrefix() {
        IngressRules.Route prefix = new IngressRules.Route("h", "/feeds", "Prefix", "feed-service", "http");
        IngressRules.Route exact = new IngressRules.Route("h", "/", "Exact", "feed-service", "http");
        IngressRules.Route root = new IngressRules.Route("h", "/", "Prefix", "feed-service", "http");

        assertThat(prefix.matches("/feeds")).isTrue();
        assertThat(prefix.matches("/feeds/all.atom")).isTrue();
        assertThat(prefix.matches("/feeds.opml")).isFalse();
        assertThat(prefix.matches("/feedsx/a")).isFalse();
        assertThat(exact.matches("/")).isTrue();
        assertThat(exact.matches("/themes/x")).isFalse();
        assertThat(root.matches("/api/digests/x/y")).isTrue();
    }
}
