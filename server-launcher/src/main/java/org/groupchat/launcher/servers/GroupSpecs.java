package org.groupchat.launcher.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.groupchat.launcher.UsageProblem;

/** The groups to host: the config file's {@code groups:} first, then each {@code --group}; names unique without case. */
final class GroupSpecs {
    private GroupSpecs() {}

    /** {@code allowUsers}: the list of groups that name none of their own (null: public). */
    static List<GroupSpec> of(ConfigFile.Loaded file, List<String> flags, Path allowUsers) {
        List<GroupSpec> groups = new ArrayList<>();
        List<ServersConfig.GroupSection> sections =
                file == null || file.config().groups() == null
                        ? List.of()
                        : file.config().groups();
        for (int i = 0; i < sections.size(); i++) {
            ServersConfig.GroupSection g = sections.get(i);
            if (g == null || g.name() == null || g.bind() == null) {
                throw new UsageProblem(file.key("groups[" + i + "]") + ": each group needs \"name:\" and \"bind:\"");
            }
            if (g.retainDays() != null && g.retainDays() < 1) {
                throw new UsageProblem(
                        file.key("groups[" + i + "].retainDays") + " must be at least 1, got " + g.retainDays());
            }
            try {
                groups.add(GroupSpec.of(g.name(), g.bind())
                        .withAllowUsers(g.allowUsers() != null ? Path.of(g.allowUsers()) : allowUsers)
                        .withRetainDays(g.retainDays()));
            } catch (UsageProblem e) {
                throw new UsageProblem(file.key("groups[" + i + "].bind") + ": " + e.getMessage());
            }
        }
        flags.forEach(flag -> groups.add(GroupSpec.parse(flag).withAllowUsers(allowUsers)));
        Set<String> names = new HashSet<>();
        for (GroupSpec group : groups) {
            if (!names.add(group.name().toLowerCase(Locale.ROOT))) {
                throw new UsageProblem(
                        "the group \"" + group.name() + "\" is given twice (names compare without case)");
            }
        }
        return groups;
    }
}
