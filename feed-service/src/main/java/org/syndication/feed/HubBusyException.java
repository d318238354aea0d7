package org.syndication.feed;

/** The verification queue is full: the client may try again later (503). */
public class HubBusyException extends RuntimeException {
    public HubBusyException() {
        super("the hub is verifying too many requests; try again later");
    }
}
