package org.groupchat.desktop.main;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.groupchat.desktop.fx.DialogKeys;

/** Asks before leaving a group, since its tab will not reopen and its messages stop coming. */
final class LeaveConfirmation {
    private LeaveConfirmation() {}

    /** True when the user chose "Leave". */
    static boolean confirmed(Stage owner, String groupName) {
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "You will stop receiving its messages, and it will not reopen next time.",
                ButtonType.CANCEL,
                ButtonType.OK);
        ask.initOwner(owner);
        ask.setTitle("Leave group");
        ask.setHeaderText("Leave \"" + groupName + "\"?");
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Leave");
        DialogKeys.closeAfterKeyEvent(ask);
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
