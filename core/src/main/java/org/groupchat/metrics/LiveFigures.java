package org.groupchat.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The figures of the servers running in this process, as their own threads last published them; a scrape reads
 * these and never touches a server's socket or store.
 */
public final class LiveFigures {
    /** One group's latest figures; the server thread replaces it about once a second. */
    public record Group(String name, int members, int online, int parkedPolls, boolean listed, Path databaseFile) {}

    /**
     * A PostgreSQL database's sizes as a background refresh last read them: {@code walBytes} -1 when the role may not
     * read the WAL folder (pg_monitor), any figure -1 before the first read succeeded.
     */
    public record Database(String name, double bytes, double walPosition, double walBytes) {}

    /** What a running group offers a scrape: its latest figures. */
    public interface Source {
        Group figures();
    }

    private static final List<Source> GROUPS = new CopyOnWriteArrayList<>();
    private static final List<IntSupplier> REGISTRIES = new CopyOnWriteArrayList<>();
    private static final List<Supplier<Database>> DATABASES = new CopyOnWriteArrayList<>();

    private LiveFigures() {}

    public static void add(Source group) {
        GROUPS.add(group);
    }

    public static void remove(Source group) {
        GROUPS.remove(group);
    }

    public static void addRegistry(IntSupplier leases) {
        REGISTRIES.add(leases);
    }

    public static void removeRegistry(IntSupplier leases) {
        REGISTRIES.remove(leases);
    }

    public static void addDatabase(Supplier<Database> database) {
        DATABASES.add(database);
    }

    public static void removeDatabase(Supplier<Database> database) {
        DATABASES.remove(database);
    }

    static List<Database> databases() {
        return DATABASES.stream().map(Supplier::get).toList();
    }

    static List<Group> groups() {
        return GROUPS.stream().map(Source::figures).filter(Objects::nonNull).toList();
    }

    static Optional<Double> registryLeases() {
        return REGISTRIES.isEmpty()
                ? Optional.empty()
                : Optional.of((double)
                        REGISTRIES.stream().mapToInt(IntSupplier::getAsInt).sum());
    }

    static double sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
