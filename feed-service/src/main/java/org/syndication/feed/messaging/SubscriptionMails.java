package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.render.DigestMails;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The mails of a subscription request ({@code DigestMails} templates, sent through the Quarkus mailer): the link
 * that confirms it, or, to an address already confirmed, the link that manages it. Sending does not wait: the
 * outcome is logged with the subscriber's id, never the address.
 */
@ApplicationScoped
public class SubscriptionMails {

    private final FeedConfig config;

    public SubscriptionMails(FeedConfig config) {
        this.config = config;
    }

    /**
     * @param subscribed what the subscription is for, as the reader reads it (theme titles, searches)
     * @param validFor   how long the confirmation link works
     */
    public void confirm(String address, UUID subscriberId, String subscribed, Frequency frequency, String confirmUrl,
                        Duration validFor) {
        send(DigestMails.Templates.confirm(config.siteTitle(), subscribed, frequency.name().toLowerCase(Locale.ROOT),
                        confirmUrl, validFor.toHours())
                .subject(config.siteTitle() + ": please confirm your subscription"), address, subscriberId);
    }

    public void manage(String address, UUID subscriberId, String manageUrl) {
        send(DigestMails.Templates.manage(config.siteTitle(), manageUrl)
                .subject(config.siteTitle() + ": your subscription"), address, subscriberId);
    }

    private void send(MailTemplate.MailTemplateInstance mail, String address, UUID id) {
        mail.from(config.mail().from()).to(address).send().subscribe().with(
                ok -> Log.infof("subscription mail sent subscriberId=%s", id),
                // no stack trace: the mail client's and the server's messages quote the address
                failure -> Log.warnf("subscription mail failed subscriberId=%s error=%s", id, LogSafe.describe(failure)));
    }
}
