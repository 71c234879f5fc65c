package org.groupchat.desktop.testing;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A drop of files from a file manager, delivered to a node as JavaFX delivers one: DRAG_OVER, then DRAG_DROPPED, with
 * the files on the drag's board. Monocle's headless robot cannot drag from outside the app, so tests drop this way.
 */
public final class FileDrop {
    private FileDrop() {}

    /** Drops {@code files} on the middle of {@code target} (UI thread); returns whether the target took them. */
    public static boolean drop(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new FilesBoard(files));
        Point2D local = new Point2D(
                target.getLayoutBounds().getCenterX(), target.getLayoutBounds().getCenterY());
        Point2D screen = target.localToScreen(local);
        DragEvent over = event(target, DragEvent.DRAG_OVER, board, local, screen);
        Event.fireEvent(target, over);
        if (over.getAcceptedTransferMode() != TransferMode.COPY) {
            return false;
        }
        Event.fireEvent(target, event(target, DragEvent.DRAG_DROPPED, board, local, screen));
        return true;
    }

    private static DragEvent event(
            Node target, EventType<DragEvent> type, Dragboard board, Point2D local, Point2D screen) {
        return new DragEvent(
                null,
                target,
                type,
                board,
                local.getX(),
                local.getY(),
                screen.getX(),
                screen.getY(),
                TransferMode.COPY,
                null,
                null,
                null);
    }

    /** The board of a drag that carries files and offers to copy them. */
    private static final class FilesBoard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        FilesBoard(List<Path> files) {
            content.put(DataFormat.FILES, files.stream().map(Path::toFile).toList());
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {}

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {}

        @Override
        public void setDragViewOffsetX(double offsetX) {}

        @Override
        public void setDragViewOffsetY(double offsetY) {}

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
