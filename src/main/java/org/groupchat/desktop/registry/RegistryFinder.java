package org.groupchat.desktop.registry;

import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;

/**
 * Finds the registry at an address: one that answers, one on this computer that another GroupChat window started
 * (its key read from the file that window wrote), or none, in which case it starts the bundled servers there when
 * the address is on this computer. Blocking: call it off the UI thread.
 */
final class RegistryFinder {
    /** What the status bar says after looking; {@code answers}: a registry answers there now (maybe ours). */
    record Result(String message, boolean answers, String bundledKey) {}

    private final LocalServers localServers;
    private final CurveKeyPair userKeys;

    RegistryFinder(LocalServers localServers, CurveKeyPair userKeys) {
        this.localServers = localServers;
        this.userKeys = userKeys;
    }

    /** {@code mayStartBundled}: false for one of several registries, which names a deployment, not this computer. */
    Result find(RegistryAddress target, boolean mayStartBundled) {
        String address = target.endpoint();
        RegistryProbe probe = RegistryProbe.of(target);
        if (probe == RegistryProbe.REFUSED_HANDSHAKE && RegistryAddress.isLocal(address)) {
            Result ours = bundledByAnotherWindow(address);
            if (ours != null) {
                return ours;
            }
        }
        if (probe != RegistryProbe.SILENT) {
            return new Result(probeMessage(target, probe), probe == RegistryProbe.ANSWERS, null);
        }
        if (!mayStartBundled || !RegistryAddress.isLocal(address)) {
            return new Result(
                    "No registry answers at " + address + ". Use File › Connect to registry… to pick another.",
                    false,
                    null);
        }
        String key = localServers.startBundled(address);
        return new Result(
                "No registry answered at " + address
                        + ", so this app started bundled servers (a registry and the \"Lobby\" group"
                        + (key == null ? ", without security" : ", secure") + ").",
                true,
                key);
    }

    /** The registry here wants a key: the one this computer user's app wrote for its bundled registry, if it fits. */
    private Result bundledByAnotherWindow(String address) {
        String key = localServers.bundledRegistryKey().orElse(null);
        if (key == null) {
            return null;
        }
        RegistryAddress withKey = new RegistryAddress(address, new ClientKeys(key, userKeys));
        if (RegistryProbe.of(withKey) != RegistryProbe.ANSWERS) {
            return null;
        }
        return new Result(
                "Connected to the registry another GroupChat window started on this computer (secure, key "
                        + withKey.keys().serverFingerprint() + ").",
                true,
                key);
    }

    static String probeMessage(RegistryAddress target, RegistryProbe probe) {
        return switch (probe) {
            case ANSWERS ->
                "Connected to the registry at " + target.endpoint()
                        + (target.secure() ? " (secure, key " + target.keys().serverFingerprint() + ")." : ".");
            case REFUSED_HANDSHAKE -> target.refusal();
            case SILENT -> "No registry answers at " + target.endpoint() + ".";
        };
    }
}
