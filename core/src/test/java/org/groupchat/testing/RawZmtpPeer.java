package org.groupchat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.groupchat.protocol.Endpoint;

/** A hand-made TCP peer that speaks just enough ZMTP 3.0 to misbehave in ways no ZeroMQ library would. */
public final class RawZmtpPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawZmtpPeer(String endpoint) throws IOException {
        Endpoint parsed = Endpoint.parse(endpoint);
        socket = new Socket(parsed.host(), parsed.port());
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** The 64-byte ZMTP 3.0 greeting of a NULL-mechanism client. */
    public static byte[] greeting() {
        return greeting("NULL");
    }

    /** The 64-byte ZMTP 3.0 greeting of a client of the given mechanism ("NULL", "CURVE"). */
    public static byte[] greeting(String mechanismName) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3;
        byte[] mechanism = mechanismName.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, g, 12, mechanism.length);
        return g;
    }

    /** The READY command of a DEALER. */
    public static byte[] ready() {
        byte[] name = "READY".getBytes(StandardCharsets.US_ASCII);
        byte[] key = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        byte[] value = "DEALER".getBytes(StandardCharsets.US_ASCII);
        int bodyLength = 1 + name.length + 1 + key.length + 4 + value.length;
        byte[] frame = new byte[2 + bodyLength];
        int i = 0;
        frame[i++] = 0x04;
        frame[i++] = (byte) bodyLength;
        frame[i++] = (byte) name.length;
        System.arraycopy(name, 0, frame, i, name.length);
        i += name.length;
        frame[i++] = (byte) key.length;
        System.arraycopy(key, 0, frame, i, key.length);
        i += key.length;
        frame[i + 3] = (byte) value.length;
        i += 4;
        System.arraycopy(value, 0, frame, i, value.length);
        return frame;
    }

    /** Greets and sends READY, reading the server's greeting; returns this peer for chaining. */
    public RawZmtpPeer handshake() throws IOException {
        send(greeting());
        in.readNBytes(64);
        send(ready());
        return this;
    }

    /** Exchanges greetings only, as a client of the given mechanism would before its handshake commands. */
    public RawZmtpPeer greetAs(String mechanism) throws IOException {
        send(greeting(mechanism));
        in.readNBytes(64);
        return this;
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A long message frame header announcing {@code length} bytes, read as unsigned 64 bits on the wire. */
    public static byte[] frameHeader(long length) {
        return header(0x02, length);
    }

    /** A long command frame header (what a CURVE HELLO travels in) announcing {@code length} bytes. */
    public static byte[] commandHeader(long length) {
        return header(0x06, length);
    }

    private static byte[] header(int flags, long length) {
        byte[] header = new byte[9];
        header[0] = (byte) flags;
        for (int i = 0; i < 8; i++) {
            header[8 - i] = (byte) (length >>> (8 * i));
        }
        return header;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
