package org.groupchat.desktop.hosting;

import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;

/** What File › New group… was given, checked: a valid group name and a port (0: the system picks one). */
public record NewGroupInput(String name, int port) {

    /** The checked input, or an {@link IllegalArgumentException} whose message tells the user what to change. */
    public static NewGroupInput parse(String name, String portText) {
        String groupName;
        try {
            groupName = Fields.name(name, new Fields.Subject("The group name"));
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String text = portText == null ? "" : portText.strip();
        int port;
        try {
            port = text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a port number; leave it empty to let the system pick one.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " is out of range 1..65535.");
        }
        return new NewGroupInput(groupName, port);
    }
}
