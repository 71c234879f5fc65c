package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.HashMap;
import java.util.Map;

/** The wire name ({@code op}) of each request record, read once from {@link Request}'s annotations. */
public final class Ops {
    private static final Map<Class<?>, String> NAMES = new HashMap<>();

    static {
        for (JsonSubTypes.Type type :
                Request.class.getAnnotation(JsonSubTypes.class).value()) {
            NAMES.put(type.value(), type.name());
        }
    }

    private Ops() {}

    public static String of(Request request) {
        return NAMES.get(request.getClass());
    }
}
