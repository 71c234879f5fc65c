package org.groupchat.launcher.servers;

import java.nio.file.Path;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;

/**
 * One group to host: its name, the endpoint to bind, and the allow-list of user keys that makes it private (or
 * null), from {@code --group "NAME=tcp://HOST:PORT"} or YAML.
 */
record GroupSpec(String name, Endpoint bind, Path allowUsers, Integer retainDays) {

    GroupSpec(String name, Endpoint bind, Path allowUsers) {
        this(name, bind, allowUsers, null);
    }

    GroupSpec withAllowUsers(Path list) {
        return new GroupSpec(name, bind, list, retainDays);
    }

    /** Keeps this group's messages {@code days} days (null: the launcher's setting). */
    GroupSpec withRetainDays(Integer days) {
        return new GroupSpec(name, bind, allowUsers, days);
    }

    static GroupSpec parse(String flag) {
        int eq = flag.lastIndexOf("=tcp://");
        if (eq < 0) {
            throw new UsageProblem("--group \"" + flag + "\" must look like \"NAME=tcp://HOST:PORT\"");
        }
        return of(flag.substring(0, eq), flag.substring(eq + 1));
    }

    static GroupSpec of(String name, String bind) {
        try {
            return new GroupSpec(Fields.name(name, "group name"), Endpoint.parse(bind), null);
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new UsageProblem("group \"" + name + "\": " + e.getMessage());
        }
    }
}
