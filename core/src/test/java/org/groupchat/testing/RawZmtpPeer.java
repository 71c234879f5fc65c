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
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3;
        byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
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

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A message frame header announcing a body of 2^64-1 bytes (JeroMQ issue 1005). */
    public static byte[] frameOfMaximumLength() {
        byte[] header = new byte[9];
        header[0] = 0x02;
        for (int i = 1; i < 9; i++) {
            header[i] = (byte) 0xFF;
        }
        return header;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
