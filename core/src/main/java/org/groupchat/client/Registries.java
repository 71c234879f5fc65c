package org.groupchat.client;

import java.util.List;
import java.util.function.Function;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.security.ClientKeys;
import org.zeromq.ZContext;

/**
 * Several registries that serve the same groups (group servers heartbeat to each): a request goes to each in turn
 * until one answers it. {@code keys}: CURVE with the registries' public key, or null when they run without security.
 */
public final class Registries {
    /** The registry asked when none is given: one on this machine, where the desktop app starts its own. */
    public static final String LOCAL_DEFAULT = "tcp://127.0.0.1:5555";

    private final List<String> endpoints;
    private final ZContext context;
    private final ClientOptions options;
    private final ClientKeys keys;

    public Registries(ZContext context, List<String> endpoints, ClientOptions options, ClientKeys keys) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no registry given");
        }
        this.endpoints = List.copyOf(endpoints);
        this.context = context;
        this.options = options;
        this.keys = keys;
    }

    /**
     * {@code tcp://A:5555,tcp://B:5555}.
     *
     * @throws IllegalArgumentException when an address is not {@code tcp://host:port}; the message says which
     */
    public static Registries parse(ZContext context, String commaList, ClientOptions options, ClientKeys keys) {
        return new Registries(
                context,
                Endpoint.parseList(commaList).stream().map(Endpoint::toString).toList(),
                options,
                keys);
    }

    public List<String> endpoints() {
        return endpoints;
    }

    /** The live groups, from the first registry that answers. */
    public List<GroupInfo> list() {
        return first(RegistryClient::list);
    }

    /** The group as the first registry that knows it has it; a registry that does not is asked no further. */
    public GroupInfo lookup(String groupName) {
        return first(registry -> registry.lookup(groupName));
    }

    /** Where the group answers now, asking each registry; null when none knows it or none answers. */
    public GroupLocator locatorOf(String groupName) {
        return () -> {
            try {
                return lookup(groupName).endpoint();
            } catch (ServerUnreachableException | ServerErrorException e) {
                return null;
            }
        };
    }

    /** The first answer of the registries in order; when none answers, the last one's failure. */
    public <T> T first(Function<RegistryClient, T> call) {
        RuntimeException last = null;
        for (String endpoint : endpoints) {
            try (RegistryClient registry = new RegistryClient(context, endpoint, options, keys)) {
                return call.apply(registry);
            } catch (ServerUnreachableException | ServerErrorException e) {
                last = e;
            }
        }
        throw last;
    }
}
