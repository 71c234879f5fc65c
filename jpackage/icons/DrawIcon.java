import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the GroupChat icon (two chat bubbles on a blue tile) and writes it as groupchat.png (jpackage on Linux),
 * groupchat.ico (Windows), groupchat.icns (macOS), the Linux icon theme's sizes ({@code hicolor/NxN/apps/groupchat.png})
 * and, when a second folder is given, the window's own icons ({@code groupchat-N.png}). Run from the repository root:
 * {@code java -Djava.awt.headless=true jpackage/icons/DrawIcon.java jpackage/icons src/main/resources/icons}
 */
public final class DrawIcon {
    /** The sizes desktops look for in the hicolor theme (freedesktop icon theme spec). */
    private static final int[] THEME_SIZES = {16, 22, 24, 32, 48, 64, 128, 256, 512};
    /** The sizes of the stage icons: title bars, task bars and window switchers pick the nearest. */
    private static final int[] WINDOW_SIZES = {16, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(out.resolve("groupchat.png"), png(draw(256)));
        for (int size : THEME_SIZES) {
            Path folder = Files.createDirectories(out.resolve("hicolor/" + size + "x" + size + "/apps"));
            Files.write(folder.resolve("groupchat.png"), png(draw(size)));
        }
        if (args.length > 1) {
            Path windowIcons = Files.createDirectories(Path.of(args[1]));
            for (int size : WINDOW_SIZES) {
                Files.write(windowIcons.resolve("groupchat-" + size + ".png"), png(draw(size)));
            }
        }
        Files.write(out.resolve("groupchat.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("icp5", 32);
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        Files.write(out.resolve("groupchat.icns"), icns(icns));
    }

    /** The icon at {@code size} pixels, drawn in a 100-unit square so every size has the same shapes. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x3D8BFD), 0, 100, new Color(0x1A56C4)));
        g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

        // the back bubble, pale, tail to the right
        g.setColor(new Color(0xBFD9FF));
        g.fill(bubble(38, 18, 52, 36, 1));
        // the front bubble, white, tail to the left, with three dots
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(AffineTransform.getTranslateInstance(0, 1.5)
                .createTransformedShape(bubble(11, 37, 58, 40, -1)));
        g.setColor(Color.WHITE);
        g.fill(bubble(11, 37, 58, 40, -1));
        g.setColor(new Color(0x1A56C4));
        for (int i = 0; i < 3; i++) {
            g.fill(new Ellipse2D.Double(24 + i * 13, 52, 8, 8));
        }
        g.setColor(new Color(255, 255, 255, 60));
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(4.5, 4.5, 91, 91, 22, 22));
        g.dispose();
        return image;
    }

    /** A rounded box with a tail at its bottom corner; {@code side} -1 puts the tail left, 1 right. */
    private static Shape bubble(double x, double y, double w, double h, int side) {
        Area shape = new Area(new RoundRectangle2D.Double(x, y, w, h, 18, 18));
        GeneralPath tail = new GeneralPath();
        double baseX = side < 0 ? x + 10 : x + w - 10;
        tail.moveTo(baseX - 7, y + h - 6);
        tail.lineTo(baseX + 7, y + h - 6);
        tail.lineTo(side < 0 ? x + 2 : x + w - 2, y + h + 10);
        tail.closePath();
        shape.add(new Area(tail));
        return shape;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO file whose entries are PNG images (supported since Windows Vista). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header.capacity();
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i] >= 256 ? 0 : sizes[i];
            header.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32);
            header.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** An ICNS file whose entries are PNG images, keyed by their ICNS type codes. */
    static byte[] icns(Map<String, Integer> types) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream entries = new DataOutputStream(body);
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] image = png(draw(type.getValue()));
            entries.writeBytes(type.getKey());
            entries.writeInt(8 + image.length);
            entries.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + body.size());
        body.writeTo((OutputStream) out);
        return file.toByteArray();
    }
}
