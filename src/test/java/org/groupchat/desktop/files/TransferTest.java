package org.groupchat.desktop.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTest {
    @Test
    void anUploadCancelledWhileItWaitsForItsTurnEndsAtOnce() {
        Transfer queued = Transfer.queuedUpload("f-1");
        assertThat(queued.waitingProperty().get()).isTrue();

        queued.cancel();

        assertThat(queued.state()).isEqualTo(Transfer.State.CANCELLED);
        assertThat(queued.waitingProperty().get()).isFalse();
        // and when its turn comes, the upload thread sees the cancel before it sends anything
        assertThat(queued.cancelRequested()).isTrue();
    }

    @Test
    void aMovingUploadCancelledEndsOnlyWhenItsThreadStops() {
        Transfer moving = Transfer.queuedUpload("f-2");
        moving.started();
        moving.advance(0.4);

        moving.cancel();

        assertThat(moving.state()).isEqualTo(Transfer.State.RUNNING);
        moving.failed("cancelled");
        assertThat(moving.state()).isEqualTo(Transfer.State.CANCELLED);
    }
}
