package org.groupchat.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {
    private final ConnectionTracker tracker = new ConnectionTracker();

    @Test
    void failuresAfterAConnectionMeanReconnectingThenOfflineAfterTenSeconds() {
        assertThat(tracker.succeeded()).isTrue();
        assertThat(tracker.state()).isEqualTo(ConnectionState.CONNECTED);

        assertThat(tracker.failed(1_000)).isTrue();
        assertThat(tracker.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(tracker.failed(5_000)).isFalse();
        assertThat(tracker.failed(11_000)).isTrue();
        assertThat(tracker.state()).isEqualTo(ConnectionState.OFFLINE);

        assertThat(tracker.succeeded()).isTrue();
        assertThat(tracker.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void backoffDoublesUpToFiveSecondsAndResetsOnSuccess() {
        long[] seen = new long[8];
        for (int i = 0; i < seen.length; i++) {
            tracker.failed(i);
            seen[i] = tracker.backoffMs();
        }
        assertThat(seen).containsExactly(250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000);

        tracker.succeeded();
        assertThat(tracker.backoffMs()).isEqualTo(ConnectionTracker.INITIAL_BACKOFF_MS);
    }

    @Test
    void aGroupNeverReachedStaysConnectingUntilOffline() {
        tracker.failed(0);
        assertThat(tracker.state()).isEqualTo(ConnectionState.CONNECTING);
        tracker.failed(10_000);
        assertThat(tracker.state()).isEqualTo(ConnectionState.OFFLINE);
    }
}
