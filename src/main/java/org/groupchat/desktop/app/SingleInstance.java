package org.groupchat.desktop.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running app per profile. The first start holds a lock on {@code instance.lock} in the profile folder (the
 * system drops it when the process ends, however it ends) and listens on {@code instance.sock}; a second start finds
 * the lock taken, asks the first to bring its window to the front, and exits.
 */
public final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final byte ACTIVATE = 'A';

    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socketPath;
    private volatile Runnable onActivate = () -> {};

    private SingleInstance(FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socketPath) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socketPath = socketPath;
    }

    /**
     * Takes the profile in {@code configDir} for this process; empty when another process has it, which was then
     * asked to come to the front.
     */
    public static Optional<SingleInstance> claim(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        FileChannel channel = FileChannel.open(
                configDir.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already
        }
        Path socketPath = configDir.resolve("instance.sock");
        if (lock == null) {
            channel.close();
            activateRunning(socketPath);
            return Optional.empty();
        }
        Files.deleteIfExists(socketPath);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        SingleInstance instance = new SingleInstance(channel, lock, server, socketPath);
        Thread listener = new Thread(instance::listen, "single-instance");
        listener.setDaemon(true);
        listener.start();
        return Optional.of(instance);
    }

    /** What to run (on the listener's thread) when a second start asks for the window. */
    public void onActivate(Runnable action) {
        onActivate = action;
    }

    private static void activateRunning(Path socketPath) {
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
            client.write(ByteBuffer.wrap(new byte[] {ACTIVATE}));
        } catch (IOException e) {
            LOG.warn("GroupChat runs for this profile but did not answer at {}: {}", socketPath, e.getMessage());
        }
    }

    private void listen() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(1);
                if (client.read(request) == 1 && request.get(0) == ACTIVATE) {
                    onActivate.run();
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("single-instance listener: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socketPath);
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            LOG.debug("closing the instance lock", e);
        }
    }
}
