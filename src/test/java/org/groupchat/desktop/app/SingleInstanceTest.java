package org.groupchat.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path profile;

    @Test
    void aSecondStartOfTheSameProfileBringsTheFirstToTheFrontInsteadOfRunning() throws Exception {
        AtomicInteger activations = new AtomicInteger();
        try (SingleInstance first = SingleInstance.claim(profile).orElseThrow()) {
            first.onActivate(activations::incrementAndGet);

            Optional<SingleInstance> second = SingleInstance.claim(profile);

            assertThat(second).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> activations.get() == 1);
        }
    }

    @Test
    void theProfileIsFreeAgainOnceTheFirstHasQuit() throws Exception {
        SingleInstance.claim(profile).orElseThrow().close();

        try (SingleInstance again = SingleInstance.claim(profile).orElseThrow()) {
            assertThat(profile.resolve("instance.sock")).exists();
        }
    }
}
