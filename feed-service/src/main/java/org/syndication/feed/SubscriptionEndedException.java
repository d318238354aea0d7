package org.syndication.feed;

/**
 * A confirmation link of a subscriber who has unsubscribed since: unsubscribing lasts, so an older link
 * (valid for {@code confirm-ttl}) must not renew the subscription; only a new request does.
 */
public class SubscriptionEndedException extends RuntimeException {
    public SubscriptionEndedException() {
        super("This subscription was ended by unsubscribing, and an earlier confirmation link does not renew it."
                + " To receive the digest again, subscribe again and confirm the link in the new mail.");
    }
}
