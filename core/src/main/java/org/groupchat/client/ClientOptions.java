package org.groupchat.client;

import java.time.Duration;

/**
 * How patient a client is: the reply timeout, how many retries after it, and the first backoff (doubling, max 2 s).
 * {@code giveUpWhenNothingListens}: a call on a channel never answered fails at once with {@link NothingListensException}
 * when the address refuses its TCP connects, instead of waiting out every retry (for one-shot commands).
 */
public record ClientOptions(Duration timeout, int retries, Duration initialBackoff, boolean giveUpWhenNothingListens) {
    public static final ClientOptions DEFAULT = new ClientOptions(Duration.ofSeconds(2), 3, Duration.ofMillis(100));

    /** Patient options: every retry is waited out, whatever the address answers. */
    public ClientOptions(Duration timeout, int retries, Duration initialBackoff) {
        this(timeout, retries, initialBackoff, false);
    }

    public ClientOptions withTimeout(Duration newTimeout) {
        return new ClientOptions(newTimeout, retries, initialBackoff, giveUpWhenNothingListens);
    }

    public ClientOptions withRetries(int newRetries) {
        return new ClientOptions(timeout, newRetries, initialBackoff, giveUpWhenNothingListens);
    }

    public ClientOptions withInitialBackoff(Duration newBackoff) {
        return new ClientOptions(timeout, retries, newBackoff, giveUpWhenNothingListens);
    }

    public ClientOptions withGiveUpWhenNothingListens(boolean giveUp) {
        return new ClientOptions(timeout, retries, initialBackoff, giveUp);
    }
}
