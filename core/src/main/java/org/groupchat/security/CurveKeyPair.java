package org.groupchat.security;

import org.zeromq.ZMQ;

/** A CURVE key pair in Z85 text (40 characters each). Its {@link #toString()} never shows the secret key. */
public record CurveKeyPair(String publicKey, String secretKey) {

    public CurveKeyPair {
        PublicKeys.requireValid(publicKey, "public key");
        PublicKeys.requireValid(secretKey, "secret key");
    }

    public static CurveKeyPair generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveKeyPair(pair.publicKey, pair.secretKey);
    }

    public String fingerprint() {
        return PublicKeys.fingerprint(publicKey);
    }

    @Override
    public String toString() {
        return "CurveKeyPair[public=" + publicKey + ", fingerprint=" + fingerprint() + "]";
    }
}
