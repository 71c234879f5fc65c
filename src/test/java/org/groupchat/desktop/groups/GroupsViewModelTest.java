package org.groupchat.desktop.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.GroupInfo;
import org.junit.jupiter.api.Test;

class GroupsViewModelTest {
    private final GroupsViewModel model = new GroupsViewModel();

    private static GroupInfo group(String name, int members) {
        return new GroupInfo(name, "tcp://127.0.0.1:1", members, 0, 0, 0);
    }

    @Test
    void filterMatchesPartOfTheNameIgnoringCase() {
        model.update(List.of(group("Lobby", 1), group("Rust fans", 2), group("rustaceans", 3)));
        model.filterProperty().set("RUST");

        assertThat(model.shownGroups()).extracting(GroupInfo::name).containsExactly("Rust fans", "rustaceans");
    }

    @Test
    void refreshUpdatesFiguresAndDropsGroupsThatDied() {
        model.update(List.of(group("Lobby", 1), group("Gone", 2)));
        model.update(List.of(group("Lobby", 5), group("New", 1)));

        assertThat(model.shownGroups())
                .extracting(GroupInfo::name, GroupInfo::members)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Lobby", 5), org.assertj.core.groups.Tuple.tuple("New", 1));
    }

    @Test
    void anOpenTabsMemberCountsShowAtOnceAndOutliveTheRegistrysLaggingOnes() {
        model.update(List.of(group("Mine", 0)));

        model.membersSeen("Mine", 2, 1);
        assertThat(model.shownGroups())
                .extracting(GroupInfo::members, GroupInfo::online)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1));

        model.update(List.of(group("Mine", 0)));
        assertThat(model.shownGroups())
                .extracting(GroupInfo::members, GroupInfo::online)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1));

        model.forgetMembers("Mine");
        model.update(List.of(group("Mine", 3)));
        assertThat(model.shownGroups()).extracting(GroupInfo::members).containsExactly(3);
    }

    @Test
    void unreachableRegistryEmptiesTheListAndSaysSo() {
        model.update(List.of(group("Lobby", 1)));
        model.registryUnreachable("No registry answers at tcp://127.0.0.1:5555.");

        assertThat(model.shownGroups()).isEmpty();
        assertThat(model.statusProperty().get()).contains("No registry answers");
    }

    @Test
    void joiningHandsTheGroupOver() {
        List<GroupInfo> joined = new ArrayList<>();
        model.setOnJoin(joined::add);
        model.join(group("Lobby", 1));
        model.join(null);

        assertThat(joined).extracting(GroupInfo::name).containsExactly("Lobby");
    }
}
