package org.groupchat.desktop.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import javafx.application.Application;

/** The app's look: AtlantaFX's Primer theme, light or dark; groupchat.css takes its colours from it. */
public enum Theme {
    LIGHT("light", new PrimerLight().getUserAgentStylesheet()),
    DARK("dark", new PrimerDark().getUserAgentStylesheet());

    private final String id;
    private final String stylesheet;

    Theme(String id, String stylesheet) {
        this.id = id;
        this.stylesheet = stylesheet;
    }

    /** The name the settings file keeps. */
    public String id() {
        return id;
    }

    /** The theme saved as {@code id}; light for none or an unknown one. */
    public static Theme of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElse(LIGHT);
    }

    /** Restyles every open window and every window opened later; on the UI thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }
}
