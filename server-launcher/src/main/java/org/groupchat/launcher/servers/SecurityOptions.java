package org.groupchat.launcher.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;
import picocli.CommandLine.Option;

/** CURVE for the servers started here: their keys, a registry's key elsewhere, allow-lists and owners. */
final class SecurityOptions {
    @Option(
            names = "--secure",
            defaultValue = "false",
            description =
                    "CURVE encryption and authentication on every server started here; key pairs are made on first"
                            + " start in the keys folder. Clients then need the registry's public key (printed at start).")
    boolean secure;

    @Option(
            names = "--keys-dir",
            paramLabel = "DIR",
            description = "Where the servers' key pairs live (default: DATA_DIR/keys).")
    Path keysDir;

    @Option(
            names = "--registry-key",
            paramLabel = "KEY|FILE",
            description = "The public key (or .key file) of a secure registry that runs elsewhere; needed with --secure"
                    + " when no registry runs here.")
    String registryKey;

    @Option(
            names = "--allow-users",
            paramLabel = "FILE",
            description =
                    "Make the groups private: only the user keys in FILE (one per line) may use them. Needs --secure.")
    Path allowUsers;

    @Option(
            names = "--owner",
            paramLabel = "KEY|FILE",
            description = "A user's public key (or .key file) that owns every group started here: may remove messages,"
                    + " kick and ban (repeatable). The key each group runs with owns it too. Needs --secure.")
    List<String> owners;

    @Option(
            names = "--allow-groups",
            paramLabel = "FILE",
            description =
                    "Only the group server keys in FILE may register with the registry started here. Needs --secure.")
    Path allowGroups;

    /** {@code ownersInFile}: the config file's owners, used when no {@code --owner} is given. */
    SecurityPlan plan(List<String> ownersInFile, Path dataDir, boolean registryHere, List<GroupSpec> groups) {
        List<String> ownerKeys = owners != null ? owners : ownersInFile;
        if (!secure) {
            if (groups.stream().anyMatch(g -> g.allowUsers() != null) || allowGroups != null) {
                throw new UsageProblem(
                        "allow-lists need security: add --secure (or \"secure: true\" in the config file)");
            }
            if (!ownerKeys.isEmpty()) {
                throw new UsageProblem("owners need security, as only a key proves who a user is: add --secure"
                        + " (or \"secure: true\" in the config file)");
            }
            return SecurityPlan.OFF;
        }
        String externalKey = null;
        if (!registryHere && !groups.isEmpty()) {
            if (registryKey == null) {
                throw new UsageProblem("--secure groups need the public key of the registry they register with:"
                        + " --registry-key KEY (the registry's launcher prints it at start)");
            }
            externalKey = KeyFiles.publicKeyFrom(registryKey);
        }
        Path keys = keysDir != null ? keysDir : dataDir.resolve("keys");
        StoreOptions.checkWritable(keys);
        List<String> ownerIds = new ArrayList<>();
        for (String owner : ownerKeys) {
            try {
                ownerIds.add(PublicKeys.userIdFor(KeyFiles.publicKeyFrom(owner)));
            } catch (RuntimeException e) {
                throw new UsageProblem("--owner: " + e.getMessage());
            }
        }
        return new SecurityPlan(true, keys, externalKey, allowGroups, ownerIds);
    }
}
