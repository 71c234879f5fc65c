package org.groupchat.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.groupchat.desktop.app.AppArguments;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgFoldersAndASubfolderPerProfile() {
        ProfilePaths main = ProfilePaths.resolve("default", null, Map.of(), "Linux", HOME);
        ProfilePaths second = ProfilePaths.resolve("bob", null, Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", HOME);

        assertThat(main.configDir()).isEqualTo(Path.of("/home/ada/.config/groupchat"));
        assertThat(main.dataDir()).isEqualTo(Path.of("/home/ada/.local/share/groupchat"));
        assertThat(second.configDir()).isEqualTo(Path.of("/cfg/groupchat/profiles/bob"));
    }

    @Test
    void windowsAndMacUseTheirPerUserFolders() {
        assertThat(ProfilePaths.resolve(
                                "default",
                                null,
                                Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"),
                                "Windows 11",
                                HOME)
                        .configDir()
                        .toString())
                .endsWith("GroupChat");
        assertThat(ProfilePaths.resolve("default", null, Map.of(), "Mac OS X", HOME)
                        .configDir())
                .isEqualTo(Path.of("/home/ada/Library/Application Support/GroupChat"));
    }

    @Test
    void aProfileNameThatIsNotAFolderNameIsRefused() {
        assertThatThrownBy(() -> ProfilePaths.resolve("../x", null, Map.of(), "Linux", HOME))
                .hasMessageContaining("may only use letters");
    }

    @Test
    void identityAndSettingsSurviveARestart(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        assertThat(store.identity()).isEmpty();
        assertThat(store.settings().registry()).isEqualTo(Settings.DEFAULT_REGISTRY);

        store.saveIdentity(new Identity("00000000-0000-0000-0000-000000000001", "Ada", store.keys()));
        store.remember(new Settings("tcp://10.0.0.1:5555", List.of(new JoinedGroup("Lobby", "tcp://10.0.0.1:5560"))));
        store.flush();

        ProfileStore again = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        assertThat(again.identity())
                .contains(new Identity("00000000-0000-0000-0000-000000000001", "Ada", store.keys()));
        assertThat(again.settings().joined()).containsExactly(new JoinedGroup("Lobby", "tcp://10.0.0.1:5560"));
        assertThat(again.settings().registry()).isEqualTo("tcp://10.0.0.1:5555");
    }

    @Test
    void aProfileKeptInPropertiesByAnEarlierVersionIsReadAndThenKeptInJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("identity.properties"), "id=00000000-0000-0000-0000-000000000001\nname=Ada\n");
        Files.writeString(
                dir.resolve("settings.properties"),
                "registry=tcp\\://10.0.0.1\\:5555\n"
                        + "joined.0.name=Lobby\njoined.0.endpoint=tcp\\://10.0.0.1\\:5560\njoined.0.muted=true\n"
                        + "localServers.secure=false\ntheme=dark\n");
        Files.writeString(dir.resolve("hosted.properties"), "0.name=Team\n0.port=5570\n");
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));

        assertThat(store.identity().map(Identity::name)).contains("Ada");
        Settings settings = store.settings();
        assertThat(settings.joined()).containsExactly(new JoinedGroup("Lobby", "tcp://10.0.0.1:5560", null, true));
        assertThat(settings.secureLocalServers()).isFalse();
        assertThat(settings.theme()).isEqualTo("dark");
        assertThat(store.hostedGroups()).containsExactly(new HostedGroup("Team", 5570));

        store.saveSettings(settings.withTheme("light"));

        assertThat(dir.resolve("settings.properties")).doesNotExist();
        assertThat(Files.readString(dir.resolve("settings.json")))
                .contains("\"theme\" : \"light\"", "\"muted\" : true");
        ProfileStore again = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        assertThat(again.settings()).isEqualTo(settings.withTheme("light"));
        assertThat(again.identity().map(Identity::id)).contains("00000000-0000-0000-0000-000000000001");
    }

    @Test
    void aDamagedSettingsFileIsMovedAsideAndTheAppStartsWithDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"registry\": \"tcp://10.0.0.1:5555\", \"joined\": [");
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));

        assertThat(store.settings().registry()).isEqualTo(Settings.DEFAULT_REGISTRY);
        assertThat(dir.resolve("settings.json.unreadable")).exists();
        assertThat(dir.resolve("settings.json")).doesNotExist();
    }

    @Test
    void aWriteCutShortByACrashLeavesTheSavedIdentityAndIsCleanedUpAtTheNextStart(@TempDir Path dir) throws Exception {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        store.saveIdentity(new Identity("00000000-0000-0000-0000-000000000001", "Ada", store.keys()));
        Path unfinished = dir.resolve("identity.json4235171589298819872.tmp");
        Files.writeString(unfinished, "{\"id\": \"00000000-0000-0000-0000-00000000");

        store.removeUnfinishedWrites();

        assertThat(unfinished).doesNotExist();
        assertThat(store.identity().map(Identity::name)).contains("Ada");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aProfileMadeBeforeKeysKeepsItsIdWithoutSecurityAndUsesItsKeysIdWithSecurity(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        CurveKeyPair keys = store.keys();
        Identity legacy = new Identity("00000000-0000-0000-0000-000000000001", "Ada", keys);

        assertThat(legacy.userFor(false).id()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(legacy.userFor(true).id()).isEqualTo(PublicKeys.userIdFor(keys.publicKey()));
        assertThat(Identity.create("Ada", keys).id()).isEqualTo(PublicKeys.userIdFor(keys.publicKey()));
        assertThat(new ProfileStore(store.paths()).keys())
                .as("the same key on the next start")
                .isEqualTo(keys);
    }

    @Test
    void trustedRegistryKeysAndGroupKeysSurviveARestart(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", dir, Map.of(), "Linux", HOME));
        String registryKey = CurveKeyPair.generate().publicKey();
        String groupKey = CurveKeyPair.generate().publicKey();
        store.saveSettings(new Settings(
                "tcp://10.0.0.1:5555",
                Map.of("tcp://10.0.0.1:5555", registryKey),
                List.of(
                        new JoinedGroup("Vault", "tcp://10.0.0.1:5561", groupKey),
                        new JoinedGroup("Open", "tcp://h:1")),
                false));

        Settings again = new ProfileStore(store.paths()).settings();
        assertThat(again.registryKey()).isEqualTo(registryKey);
        assertThat(again.joined())
                .containsExactly(
                        new JoinedGroup("Vault", "tcp://10.0.0.1:5561", groupKey),
                        new JoinedGroup("Open", "tcp://h:1", null));
        assertThat(again.secureLocalServers()).isFalse();
    }

    @Test
    void commandLineTakesARegistryKeyAndCanTurnOffSecurityForLocalServers() {
        AppArguments args =
                AppArguments.parse(List.of("--insecure-local-servers", "--registry-key", "/tmp/r.key"), Map.of(), null);
        assertThat(args.registryKey()).isEqualTo("/tmp/r.key");
        assertThat(args.insecureLocalServers()).isTrue();
        assertThatThrownBy(() -> AppArguments.parse(List.of("--registry-key"), Map.of(), null))
                .hasMessageContaining("Missing required parameter for option '--registry-key'")
                .hasMessageContaining("Usage: groupchat");
    }

    @Test
    void commandLineTakesProfileConfigDirAndRegistry() {
        AppArguments args = AppArguments.parse(
                List.of("--profile", "bob", "--config-dir", "/tmp/x", "--registry", "tcp://h:1"),
                Map.of("GROUPCHAT_PROFILE", "env"),
                null);
        assertThat(args).isEqualTo(new AppArguments("bob", Path.of("/tmp/x"), "tcp://h:1"));
        assertThat(AppArguments.parse(List.of(), Map.of("GROUPCHAT_PROFILE", "env"), "/c")
                        .profile())
                .isEqualTo("env");
        assertThatThrownBy(() -> AppArguments.parse(List.of("--bogus"), Map.of(), null))
                .hasMessageContaining("Unknown option: '--bogus'");
        assertThatThrownBy(() -> AppArguments.parse(List.of("--help"), Map.of(), null))
                .isInstanceOf(AppArguments.UsageRequested.class)
                .hasMessageContaining("--insecure-local-servers");
    }
}
