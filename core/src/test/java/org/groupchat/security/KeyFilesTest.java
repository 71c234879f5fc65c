package org.groupchat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void aKeyPairIsGeneratedOnceAndKeptPrivate() throws Exception {
        CurveKeyPair first = KeyFiles.loadOrCreate(dir, "registry");
        CurveKeyPair again = KeyFiles.loadOrCreate(dir, "registry");

        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.secretFile(dir, "registry"))))
                .isEqualTo("rw-------");
        String publicText = Files.readString(KeyFiles.publicFile(dir, "registry"));
        assertThat(publicText).contains(first.publicKey()).doesNotContain(first.secretKey());
        assertThat(KeyFiles.publicKeyFrom(KeyFiles.publicFile(dir, "registry").toString()))
                .isEqualTo(first.publicKey());
        assertThat(KeyFiles.publicKeyFrom(" " + first.publicKey() + " ")).isEqualTo(first.publicKey());
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        KeyFiles.loadOrCreate(dir, "group");
        Path secret = KeyFiles.secretFile(dir, "group");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFiles.loadOrCreate(dir, "group"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("can be read by other users")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aDamagedSecretFileIsRefusedNotReplaced() throws Exception {
        KeyFiles.loadOrCreate(dir, "group");
        Path secret = KeyFiles.secretFile(dir, "group");
        Files.writeString(secret, "curve\n    public-key = \"short\"\n");

        assertThatThrownBy(() -> KeyFiles.loadOrCreate(dir, "group")).hasMessageContaining("is damaged");
        assertThat(Files.readString(secret)).contains("short");
    }

    @Test
    void aKeyFileWhosePathLooksLikeAKeyIsReadAsAFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("k"));
        CurveKeyPair keys = KeyFiles.loadOrCreate(
                sub, "x".repeat(Math.max(1, 40 - sub.toString().length() - 5)));
        Path file = KeyFiles.publicFile(
                sub, "x".repeat(Math.max(1, 40 - sub.toString().length() - 5)));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                PublicKeys.isValid(file.toString()), "the temp path fits in 40 Z85 characters");

        assertThat(KeyFiles.publicKeyFrom(file.toString())).isEqualTo(keys.publicKey());
    }

    @Test
    void somethingThatIsNeitherKeyNorFileIsNamed() {
        assertThatThrownBy(() -> KeyFiles.publicKeyFrom("abc")).hasMessageContaining("\"abc\" is neither");
    }

    @Test
    void allowListsReadKeysLabelsAndCommentsAndNameABadLine() throws Exception {
        String key = CurveKeyPair.generate().publicKey();
        Path list = dir.resolve("users.allow");
        Files.writeString(list, "# members\n\n" + key + "   Alice's laptop\n");
        assertThat(AllowList.load(list).allows(key)).isTrue();
        assertThat(AllowList.load(list).size()).isEqualTo(1);

        Files.writeString(list, key + "\nnot-a-key\n");
        assertThatThrownBy(() -> AllowList.load(list)).hasMessageContaining("line 2");
    }

    @Test
    void aUsersIdFollowsFromTheirKeyAndFingerprintsAreShort() {
        CurveKeyPair keys = CurveKeyPair.generate();
        String id = PublicKeys.userIdFor(keys.publicKey());

        assertThat(PublicKeys.userIdFor(keys.publicKey())).isEqualTo(id);
        assertThat(PublicKeys.userIdFor(CurveKeyPair.generate().publicKey())).isNotEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(keys.fingerprint()).matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}");
        assertThat(keys.toString()).doesNotContain(keys.secretKey());
    }
}
