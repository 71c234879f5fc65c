package org.groupchat.launcher.servers;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.PostgresSizes;
import org.groupchat.group.StorageException;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Endpoint;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.security.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The servers one launcher runs: an optional registry and any number of groups; closing stops them in order. */
final class ServerSet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSet.class);
    private static final long FIRST_REGISTRATION_WAIT_MS = 2_000;
    private static final Duration DATABASE_SIZES_EVERY = Duration.ofSeconds(15);
    private RegistryServer registry;
    private PostgresSizes postgresSizes;
    private final List<GroupServer> groups = new ArrayList<>();
    private final List<GroupTurns> turns = new ArrayList<>();
    private final List<Path> newFiles = new ArrayList<>();
    /** Each server as its start and stop log lines name it: role, name, endpoint, store. */
    private final List<String> logged = new ArrayList<>();

    /**
     * What to start; groups register with the registry started here ({@code registryBind}, may be null) and with each
     * of {@code registryAddresses}. Groups in PostgreSQL take turns with other servers, each turn lasting
     * {@code groupLeaseMs} unless renewed.
     */
    record Plan(
            RegistryConfig registryBind,
            List<Endpoint> registryAddresses,
            String advertiseHost,
            StorePlan stores,
            GroupLimits limits,
            long heartbeatMs,
            long groupLeaseMs,
            List<GroupSpec> groups,
            SecurityPlan security) {}

    private volatile boolean closing;

    /** Starts the plan's servers; {@code onFailure} hears of any server that stops by itself while running. */
    static ServerSet start(Plan plan, PrintWriter out, Consumer<String> onFailure) {
        ServerSet set = new ServerSet();
        try {
            List<Endpoint> registries = new ArrayList<>();
            String registryKey = plan.security().registryKey();
            if (plan.registryBind() != null) {
                RegistryConfig config =
                        plan.registryBind().withSecurity(plan.security().registry());
                set.registry = new RegistryServer(config);
                Endpoint bound = set.registry.start();
                set.watch(set.registry.stopped(), "the registry", onFailure);
                Endpoint registryAddress = bound.isWildcard() ? bound.withHost("127.0.0.1") : bound;
                registries.add(registryAddress);
                out.printf("registry  %s  (lease %d ms)%n", bound, config.leaseMs());
                if (config.security() != null) {
                    registryKey = config.security().keys().publicKey();
                    GroupStarts.printSecurity(out, config.security());
                    Endpoint forClients = bound.isWildcard() && plan.advertiseHost() != null
                            ? bound.withHost(plan.advertiseHost())
                            : registryAddress;
                    out.printf(
                            "          clients connect with: --registry %s --registry-key '%s'%n",
                            forClients, registryKey);
                    out.printf(
                            "          (or --registry-key %s)%n",
                            KeyFiles.publicFile(plan.security().keysDir(), "registry"));
                }
            }
            registries.addAll(plan.registryAddresses());
            if (!plan.groups().isEmpty()) {
                warnIfUnresolvable(plan.advertiseHost());
                plan.stores().prepare();
                if (!plan.stores().usesFiles()) {
                    set.postgresSizes = PostgresSizes.start(plan.stores().database(), DATABASE_SIZES_EVERY);
                }
            }
            List<String> startLines = new ArrayList<>();
            for (GroupSpec spec : plan.groups()) {
                if (!plan.stores().usesFiles()) {
                    set.turns.add(GroupStarts.takeTurns(plan, spec, registries, registryKey, out, onFailure));
                    continue;
                }
                set.newFiles.addAll(plan.stores().filesToBeCreated(spec.name()));
                GroupServer group = GroupStarts.startGroup(plan, spec, registries, registryKey, startLines);
                set.groups.add(group);
                set.watch(group.stopped(), "the group \"" + spec.name() + "\"", onFailure);
            }
            for (GroupServer group : set.groups) {
                refuseIfTheRegistryDid(group);
            }
            startLines.forEach(out::println);
            out.flush();
            if (set.registry != null) {
                set.logged.add("registry at " + set.registry.boundEndpoint());
            }
            for (int i = 0; i < set.groups.size(); i++) {
                GroupServer group = set.groups.get(i);
                set.logged.add("group \"" + group.name() + "\" at " + group.advertisedEndpoint() + " (bound "
                        + group.boundEndpoint() + ", store "
                        + plan.stores().where(plan.groups().get(i).name()) + ")");
            }
            set.logged.forEach(server -> LOG.info("started {}", server));
            return set;
        } catch (RuntimeException e) {
            set.close();
            set.newFiles.forEach(ServerSet::deleteQuietly);
            throw e;
        }
    }

    /** Clients may resolve a name this machine cannot (split DNS), so this warns rather than refuses. */
    private static void warnIfUnresolvable(String advertiseHost) {
        if (advertiseHost == null) {
            return;
        }
        try {
            InetAddress.getByName(advertiseHost);
        } catch (UnknownHostException e) {
            LOG.warn(
                    "--advertise {}: this name does not resolve here; clients that cannot resolve it will not reach the"
                            + " groups the registry lists under it",
                    advertiseHost);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind: an empty database a later start opens as it is
        }
    }

    /** A registry that refuses a group (its name is taken) is a setup mistake; one that does not answer yet is not. */
    private static void refuseIfTheRegistryDid(GroupServer group) {
        String refusal;
        try {
            refusal = group.registration().get(FIRST_REGISTRATION_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            return;
        }
        if (refusal != null) {
            throw new UsageProblem("group \"" + group.name() + "\": " + refusal);
        }
    }

    private void watch(CompletableFuture<Void> stopped, String what, Consumer<String> onFailure) {
        stopped.whenComplete((done, error) -> {
            if (!closing) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                onFailure.accept(what + " stopped unexpectedly" + (cause == null ? "" : ": " + describe(cause)));
            }
        });
    }

    private static String describe(Throwable failure) {
        return failure instanceof StorageException ? failure.getMessage() : failure.toString();
    }

    /** Null while every server runs and turns its loop, else one line on the first that does not: {@code /health}. */
    String problem() {
        String trouble = registry == null ? null : ServerHealth.problem("the registry", registry);
        for (int i = 0; trouble == null && i < groups.size(); i++) {
            trouble = ServerHealth.problem("the group \"" + groups.get(i).name() + "\"", groups.get(i));
        }
        for (int i = 0; trouble == null && i < turns.size(); i++) {
            trouble = turns.get(i).problem();
        }
        return trouble;
    }

    @Override
    public void close() {
        closing = true;
        turns.forEach(GroupTurns::close);
        turns.clear();
        groups.forEach(GroupServer::close);
        groups.clear();
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (postgresSizes != null) {
            postgresSizes.close();
            postgresSizes = null;
        }
        logged.forEach(server -> LOG.info("stopped {}", server));
        logged.clear();
    }
}
