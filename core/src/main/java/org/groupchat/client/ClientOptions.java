package org.groupchat.client;

import java.time.Duration;

/**
 * How patient a client is: the reply timeout, how many retries after it, and the first backoff (doubling, max 2 s).
 */
public record ClientOptions(Duration timeout, int retries, Duration initialBackoff) {
    public static final ClientOptions DEFAULT = new ClientOptions(Duration.ofSeconds(2), 3, Duration.ofMillis(100));

    public ClientOptions withTimeout(Duration newTimeout) {
        return new ClientOptions(newTimeout, retries, initialBackoff);
    }

    public ClientOptions withRetries(int newRetries) {
        return new ClientOptions(timeout, newRetries, initialBackoff);
    }

    public ClientOptions withInitialBackoff(Duration newBackoff) {
        return new ClientOptions(timeout, retries, newBackoff);
    }
}
