package org.groupchat.security;

import org.zeromq.ZMQ;

/** CURVE for a connecting socket: the key the server must prove it holds, and our own key pair. */
public record ClientKeys(String serverPublicKey, CurveKeyPair own) {

    public ClientKeys {
        PublicKeys.requireValid(serverPublicKey, "the server's public key");
    }

    /** Call before connecting. */
    public void applyTo(ZMQ.Socket socket) {
        socket.setCurveServerKey(serverPublicKey.getBytes(ZMQ.CHARSET));
        socket.setCurvePublicKey(own.publicKey().getBytes(ZMQ.CHARSET));
        socket.setCurveSecretKey(own.secretKey().getBytes(ZMQ.CHARSET));
    }

    public String serverFingerprint() {
        return PublicKeys.fingerprint(serverPublicKey);
    }
}
