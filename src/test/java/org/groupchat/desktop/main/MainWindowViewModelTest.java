package org.groupchat.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.desktop.testing.RecordingConnection;
import org.groupchat.desktop.testing.SameThreadUiExecutor;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.security.CurveKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {
    @TempDir
    Path temp;

    private final List<RecordingConnection> connections = new ArrayList<>();
    private ProfileStore store;
    private LocalServers servers;
    private MainWindowViewModel model;

    @BeforeEach
    void create() {
        store = new ProfileStore(ProfilePaths.resolve("default", temp, Map.of(), "Linux", temp));
        servers = new LocalServers(temp.resolve("data"));
        model = new MainWindowViewModel(
                new SameThreadUiExecutor(),
                store,
                new Identity("00000000-0000-0000-0000-000000000001", "Ada", CurveKeyPair.generate()),
                new Settings("tcp://127.0.0.1:9", List.of(new JoinedGroup("Saved", "tcp://127.0.0.1:7"))),
                (name, endpoint, serverKey, listener) -> {
                    RecordingConnection connection = new RecordingConnection();
                    connections.add(connection);
                    return connection;
                },
                servers,
                1_000);
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void savedGroupsReopenAsTabs() {
        assertThat(model.tabs()).extracting(t -> t.groupName()).containsExactly("Saved");
    }

    @Test
    void aGroupListedWithoutAKeyByASecureRegistryIsNotTalkedToInPlaintext() {
        String registryKey = CurveKeyPair.generate().publicKey();
        assertThat(model.registry().connectTo("tcp://127.0.0.1:9", registryKey).valid())
                .isTrue();

        model.join(new GroupInfo("Open", "tcp://127.0.0.1:5", 1, 1, 0, 0));
        model.join(new GroupInfo(
                "Closed",
                "tcp://127.0.0.1:6",
                1,
                1,
                0,
                0,
                CurveKeyPair.generate().publicKey()));

        assertThat(model.tabs()).extracting(t -> t.groupName()).containsExactly("Saved", "Closed");
        assertThat(model.statusProperty().get())
                .contains("\"Open\" is listed without a key by a secure registry")
                .contains("is listed without a key by a secure registry", "refuses to talk to it");
    }

    @Test
    void joiningAnOpenGroupSelectsItsTabInsteadOfOpeningAnother() {
        model.join(new GroupInfo("Alpha", "tcp://127.0.0.1:5", 1, 1, 0, 0));
        model.join(new GroupInfo("Alpha", "tcp://127.0.0.1:5", 1, 1, 0, 0));

        assertThat(model.tabs()).extracting(t -> t.groupName()).containsExactly("Saved", "Alpha");
        assertThat(model.selectedTabProperty().get().groupName()).isEqualTo("Alpha");
        assertThat(store.settings().joined()).extracting(JoinedGroup::name).containsExactly("Saved", "Alpha");
    }

    @Test
    void closingATabKeepsTheMembershipButForgetsTheTab() {
        model.closeTab(model.tabs().get(0));

        assertThat(connections.get(0).left).isFalse();
        assertThat(connections.get(0).closed).isTrue();
        assertThat(model.tabs()).isEmpty();
        assertThat(store.settings().joined()).isEmpty();
    }

    @Test
    void leavingAGroupLeavesItAndForgetsItsTab() {
        model.leave(model.tabs().get(0));

        assertThat(connections.get(0).left).isTrue();
        assertThat(model.tabs()).isEmpty();
        assertThat(store.settings().joined()).isEmpty();
    }

    @Test
    void registryAddressThatDoesNotParseIsRefusedWithAReason() {
        assertThat(model.registry().connectTo("localhost:5555", null).problem()).contains("tcp://host:port");
        assertThat(model.registry().connectTo("tcp://*:5555", null).problem()).contains("must name a host");
        assertThat(model.registry().connectTo("tcp://127.0.0.1:99999", null).problem())
                .contains("out of range");
        assertThat(store.settings().registry()).isEqualTo(Settings.DEFAULT_REGISTRY);
    }

    @Test
    void acceptedRegistryAddressIsRemembered() {
        assertThat(model.registry().connectTo(" tcp://127.0.0.1:9 ", null).valid())
                .isTrue();

        assertThat(store.settings().registry()).isEqualTo("tcp://127.0.0.1:9");
        assertThat(model.statusProperty().get()).contains("No registry answers at tcp://127.0.0.1:9");
    }

    @Test
    void newGroupRefusesABadNameOrPort() {
        assertThat(model.newGroup("  ", "").problem()).contains("must not be empty");
        assertThat(model.newGroup("Team", "port").problem()).contains("is not a port number");
        assertThat(model.newGroup("Team", "70000").problem()).contains("out of range");
        assertThat(model.newGroup("Saved", "").problem()).contains("already have \"Saved\" open in a tab");
    }

    @Test
    void newGroupOnAPortInUseSaysSoInTheStatusBar() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            assertThat(model.newGroup("Team", Integer.toString(taken.getLocalPort()))
                            .valid())
                    .isTrue();
        }

        assertThat(model.statusProperty().get()).startsWith("Could not start \"Team\"");
        assertThat(model.tabs()).extracting(t -> t.groupName()).containsExactly("Saved");
    }

    @Test
    void newGroupIsHostedAndJoined() {
        assertThat(model.newGroup("Team", "").valid()).isTrue();

        assertThat(model.statusProperty().get()).startsWith("Hosting \"Team\" at tcp://");
        assertThat(model.selectedTabProperty().get().groupName()).isEqualTo("Team");
    }
}
