package org.syndication.feed.rest;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.digest.Tokens;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.SiteService;
import org.syndication.feed.service.SubscriptionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Subscriptions: the API and the HTML form ask, a mailed link confirms. Every GET only shows a page whose button
 * POSTs (link scanners open links); unsubscribe also takes the RFC 8058 one-click POST.
 */
@Path("/")
public class SubscriptionResource {

    static final String PENDING = "If this address can receive mail, we have sent it a link to confirm the "
            + "subscription. Nothing is sent before it is confirmed.";

    /** Body of {@code POST /api/subscriptions}. */
    public record SubscriptionRequest(String email, List<String> themes, String frequency, List<String> queries) {
    }

    /** Same answer for every address. */
    public record SubscriptionAccepted(String status, String message) {
    }

    private final SubscriptionService subscriptions;
    private final SiteService site;
    private final PublicUrls urls;

    public SubscriptionResource(SubscriptionService subscriptions, SiteService site, PublicUrls urls) {
        this.subscriptions = subscriptions;
        this.site = site;
        this.urls = urls;
    }

    @POST
    @Path("api/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(SubscriptionRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw new InvalidRequestException("A JSON body {email, themes, frequency} is required.");
        }
        subscriptions.subscribe(email(request.email()), request.themes(),
                request.queries() == null ? List.of() : request.queries(), frequency(request.frequency()),
                ClientAddress.of(http));
        return Response.accepted(new SubscriptionAccepted("pending-confirmation", PENDING)).build();
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance subscribeForm(@FormParam("email") String email, @FormParam("themes") List<String> themes,
                                          @FormParam("frequency") String frequency, @FormParam("q") List<String> queries,
                                          @Context HttpServerRequest http) {
        subscriptions.subscribe(email(email), themes, queries == null ? List.of() : queries, frequency(frequency),
                ClientAddress.of(http));
        return page(new Pages.Message("Check your inbox", PENDING, null, null));
    }

    @GET
    @Path("subscriptions/confirm")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmPage(@QueryParam("token") String token) {
        subscriptions.settings(token, Tokens.Action.CONFIRM);
        return page(new Pages.Message("Confirm your subscription", "Press the button to start receiving the digest.",
                urls.subscription("confirm", token), "Confirm my subscription"));
    }

    @POST
    @Path("subscriptions/confirm")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm(@QueryParam("token") String token) {
        subscriptions.confirm(token);
        return page(new Pages.Message("Subscription confirmed",
                "You will receive the digest. Every mail has a link to change or end the subscription.", null, null));
    }

    @GET
    @Path("subscriptions/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance unsubscribePage(@QueryParam("token") String token) {
        subscriptions.settings(token, Tokens.Action.UNSUBSCRIBE);
        return page(new Pages.Message("Unsubscribe", "Press the button to stop receiving every digest.",
                urls.subscription("unsubscribe", token), "Unsubscribe"));
    }

    /** The page's button and the RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}) both land here. */
    @POST
    @Path("subscriptions/unsubscribe")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance unsubscribe(@QueryParam("token") String token) {
        subscriptions.unsubscribe(token);
        return page(new Pages.Message("Unsubscribed", "You will not receive any more digests.", null, null));
    }

    @GET
    @Path("subscriptions/manage")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance managePage(@QueryParam("token") String token) {
        SubscriptionService.Settings settings = subscriptions.settings(token, Tokens.Action.MANAGE);
        List<Pages.ThemeChoice> choices = new ArrayList<>();
        Pages.ThemeSummary all = site.all();
        choices.add(new Pages.ThemeChoice(all.slug(), all.title(), settings.themes().contains(all.slug())));
        site.themes().forEach(t -> choices.add(new Pages.ThemeChoice(t.slug(), t.title(), settings.themes().contains(t.slug()))));
        return Pages.Templates.manage(site.site(FeedItemRepository.ALL), choices, settings.frequency().name(),
                urls.subscription("manage", token), urls.subscription("unsubscribe", subscriptions.unsubscribeToken(token)));
    }

    @POST
    @Path("subscriptions/manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance manage(@QueryParam("token") String token, @FormParam("themes") List<String> themes,
                                   @FormParam("frequency") String frequency) {
        subscriptions.update(token, themes, frequency(frequency));
        return page(new Pages.Message("Saved", "Your subscription has been updated.", null, null));
    }

    private TemplateInstance page(Pages.Message message) {
        return Pages.Templates.message(site.site(FeedItemRepository.ALL), message);
    }

    private static String email(String email) {
        return EmailAddresses.normalize(email)
                .orElseThrow(() -> new InvalidRequestException("A valid e-mail address is required."));
    }

    private static Frequency frequency(String frequency) {
        try {
            return Frequency.valueOf(frequency == null ? "" : frequency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("frequency must be DAILY or WEEKLY.");
        }
    }
}
