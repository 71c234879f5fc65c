package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that changes on disk while the client library uploads it (the client's side: one store is enough). */
class ChangingFileUploadTest extends GroupServerTestBase {
    private static final int CHUNK = FileTransfers.CHUNK_SIZE;

    @TempDir
    Path files;

    ChangingFileUploadTest() {
        super(TestStore.SQLITE);
    }

    @Test
    void aFileEditedWhileItIsSentIsNotSharedAndTheClientSaysSo() throws IOException {
        Path log = write("growing.log", FileContract.bytes(8 * CHUNK, 7));
        try (GroupClient alice = client(ALICE, "Alice")) {
            alice.join();
            boolean[] edited = {false};
            FileTransfer.Progress editAfterTheFirstChunk = (done, total) -> {
                if (done > 0 && !edited[0]) {
                    edited[0] = true;
                    try (var out = FileChannel.open(log, StandardOpenOption.WRITE)) {
                        out.write(ByteBuffer.wrap(FileContract.bytes(100, 8)), 7L * CHUNK);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };

            assertThatThrownBy(() -> new FileTransfer(alice).upload(log, editAfterTheFirstChunk))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("growing.log changed while it was being sent; nothing was shared");
            assertThat(edited[0]).isTrue();
            assertThat(alice.fetchAfter(0, 100, 0).messages())
                    .extracting(Message::kind)
                    .doesNotContain("file");
        }
    }

    @Test
    void aFileThatGrowsWhileItIsSentIsSharedAsItWasWhenTheUploadBegan() throws IOException {
        byte[] content = FileContract.bytes(3 * CHUNK + 10, 9);
        Path log = write("server.log", content);
        try (GroupClient alice = client(ALICE, "Alice")) {
            alice.join();
            FileTransfer.Progress appendALine = (done, total) -> {
                if (done > 0 && done < total) {
                    try (var out = FileChannel.open(log, StandardOpenOption.APPEND)) {
                        out.write(ByteBuffer.wrap("another line\n".getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };

            Message event = new FileTransfer(alice).upload(log, appendALine);

            assertThat(Files.size(log)).isGreaterThan(content.length);
            assertThat(event.file().size()).isEqualTo(content.length);
            assertThat(event.file().sha256()).isEqualTo(FileContract.sha256(content));
        }
    }

    private GroupClient client(String id, String name) {
        return new GroupClient(server.boundEndpoint().toString(), new User(id, name));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }
}
