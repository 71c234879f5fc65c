package org.groupchat.desktop.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's own notifications, through {@code notify-send} (the freedesktop.org notification service
 * of GNOME, KDE, XFCE and others) where it is installed; found and run on a thread of its own, never the UI's.
 */
final class DesktopNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifications.class);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "desktop-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Path> command;

    private DesktopNotifications(boolean wanted) {
        command = wanted
                ? CompletableFuture.supplyAsync(DesktopNotifications::findNotifySend, runner)
                : CompletableFuture.completedFuture(null);
    }

    /** Looks for the system's notifications on Linux, unless {@code groupchat.inWindowNotifications} is set. */
    static DesktopNotifications detect() {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return new DesktopNotifications(linux
                && !Boolean.getBoolean("groupchat.inWindowNotifications")
                && System.getenv("DBUS_SESSION_BUS_ADDRESS") != null);
    }

    /** True once {@code notify-send} was found; until then (or without it) the caller shows its own. */
    boolean available() {
        return command.getNow(null) != null;
    }

    void show(String title, String text) {
        Path notifySend = command.getNow(null);
        if (notifySend == null) {
            return;
        }
        runner.execute(() -> {
            try {
                // the body may be read as markup: a member's "<b>" stays text
                Process process = new ProcessBuilder(
                                notifySend.toString(),
                                "--app-name=GroupChat",
                                "--icon=groupchat",
                                "--",
                                title,
                                escapeMarkup(text))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                process.waitFor();
            } catch (IOException e) {
                LOG.debug("notify-send failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String escapeMarkup(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Path findNotifySend() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "notify-send");
            if (!folder.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
