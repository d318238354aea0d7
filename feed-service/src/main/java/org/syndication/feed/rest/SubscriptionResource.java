package org.syndication.feed.rest;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.digest.DigestSchedule;
import org.syndication.feed.digest.Tokens;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.SubscriptionService;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Subscriptions: the API and the HTML form ask, a mailed link confirms. Every GET only shows a page whose button
 * POSTs (link scanners open links); unsubscribe also takes the RFC 8058 one-click POST.
 */
@Path("/")
public class SubscriptionResource {

    private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(?::00)?");
    /** The region ids a subscriber may pick from (any id java.time knows is accepted). */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    static final String PENDING = "If this address can receive mail, we have sent it a link to confirm the "
            + "subscription. Nothing is sent before it is confirmed.";

    /** Same answer for every address. */
    public record SubscriptionAccepted(String status, String message) {
    }

    private final SubscriptionService subscriptions;
    private final SitePages site;
    private final PublicUrls urls;

    public SubscriptionResource(SubscriptionService subscriptions, SitePages site, PublicUrls urls) {
        this.subscriptions = subscriptions;
        this.site = site;
        this.urls = urls;
    }

    @POST
    @Path("api/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(@Valid @NotNull(message = "A JSON body {email, themes, frequency} is required.")
                              SubscriptionRequest request, @Context HttpServerRequest http) {
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
                scheduleChoice(settings.schedule()), urls.subscription("manage", token),
                urls.subscription("unsubscribe", subscriptions.unsubscribeToken(token)));
    }

    @POST
    @Path("subscriptions/manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance manage(@QueryParam("token") String token, @FormParam("themes") List<String> themes,
                                   @FormParam("frequency") String frequency, @FormParam("hour") String hour,
                                   @FormParam("zone") String zone, @FormParam("weekday") String weekday) {
        Frequency chosen = frequency(frequency);
        Optional<DigestSchedule> schedule = Optional.empty();
        if (given(hour) || given(zone) || given(weekday)) {
            DigestSchedule current = subscriptions.settings(token, Tokens.Action.MANAGE).schedule();
            schedule = Optional.of(new DigestSchedule(
                    given(hour) ? hour(hour) : current.hour(),
                    given(zone) ? zone(zone) : current.zone(),
                    given(weekday) ? weekday(weekday) : current.weekday()));
        }
        subscriptions.update(token, themes, chosen, schedule);
        return page(new Pages.Message("Saved", "Your subscription has been updated.", null, null));
    }

    private TemplateInstance page(Pages.Message message) {
        return Pages.Templates.message(site.site(FeedItemRepository.ALL), message);
    }

    /** The address as it is stored; the API's body is checked by {@link EmailAddress}, the form's here (its error is a page). */
    private static String email(String email) {
        return EmailAddresses.normalize(email)
                .orElseThrow(() -> new InvalidRequestException("A valid e-mail address is required."));
    }

    private static Pages.ScheduleChoice scheduleChoice(DigestSchedule schedule) {
        List<Pages.Option> hours = IntStream.range(0, 24).mapToObj(h -> new Pages.Option(Integer.toString(h),
                String.format(Locale.ROOT, "%02d:00", h), h == schedule.hour())).toList();
        List<Pages.Option> weekdays = Arrays.stream(DayOfWeek.values()).map(d -> new Pages.Option(d.name(),
                d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), d == schedule.weekday())).toList();
        return new Pages.ScheduleChoice(hours, schedule.zone().getId(), weekdays, ZONES);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** An hour of the day: {@code 0} to {@code 23}, also written {@code 06} or {@code 06:00}. */
    static int hour(String text) {
        Matcher hour = HOUR.matcher(text.strip());
        int value = hour.matches() ? Integer.parseInt(hour.group(1)) : -1;
        if (value < 0 || value > 23) {
            throw new InvalidRequestException("hour must be a whole hour from 0 to 23, such as 6 or 06:00.");
        }
        return value;
    }

    /** A time zone java.time knows: an IANA region id ({@code Europe/Berlin}), {@code UTC} or an offset. */
    static ZoneId zone(String text) {
        String id = text.strip();
        try {
            if (id.length() > 64) {
                throw new DateTimeException("too long");
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("zone must be a time zone such as Europe/Berlin, America/New_York or UTC.");
        }
    }

    /** A weekday by name ({@code MONDAY}, any case) or ISO number (1 = Monday). */
    static DayOfWeek weekday(String text) {
        String day = text.strip().toUpperCase(Locale.ROOT);
        try {
            return day.matches("[1-7]") ? DayOfWeek.of(Integer.parseInt(day)) : DayOfWeek.valueOf(day);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("weekday must be MONDAY to SUNDAY (or 1 to 7).");
        }
    }

    private static Frequency frequency(String frequency) {
        try {
            return Frequency.valueOf(frequency == null ? "" : frequency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("frequency must be DAILY or WEEKLY.");
        }
    }
}
