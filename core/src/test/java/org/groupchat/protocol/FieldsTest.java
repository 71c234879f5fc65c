package org.groupchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void textIsTrimmedAndLimitedInUtf8Bytes() throws Exception {
        assertThat(Fields.text("  hi \n")).isEqualTo("hi");
        assertThat(Fields.text("é".repeat(8192))).hasSize(8192);
        assertThatThrownBy(() -> Fields.text("é".repeat(8193)))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
        assertThatThrownBy(() -> Fields.text(" \n\t "))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void namesAreTrimmedOneTo64CharactersWithoutControlCharacters() throws Exception {
        assertThat(Fields.name("  Cool Group ", "name")).isEqualTo("Cool Group");
        assertThat(Fields.name("😀".repeat(64), "name")).isNotEmpty();
        assertThatThrownBy(() -> Fields.name("x".repeat(65), "name")).hasMessageContaining("64");
        assertThatThrownBy(() -> Fields.name("a\u0007b", "name")).hasMessageContaining("control");
        assertThatThrownBy(() -> Fields.name("   ", "name")).hasMessageContaining("empty");
    }

    @Test
    void uuidsAreCanonicalLowerCase() throws Exception {
        assertThat(Fields.uuid("123E4567-E89B-12D3-A456-426614174000", "id"))
                .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThatThrownBy(() -> Fields.uuid("1-2-3-4-5", "id")).hasMessageContaining("UUID");
    }

    @Test
    void endpointsMustBeTcpWithAHostAndPort() {
        assertThat(Endpoint.parse("tcp://127.0.0.1:5560")).isEqualTo(new Endpoint("127.0.0.1", 5560));
        assertThat(Endpoint.parse("tcp://*:*").bindAddress()).isEqualTo("tcp://*:*");
        assertThatThrownBy(() -> Endpoint.parse("udp://x:1")).hasMessageContaining("tcp://host:port");
        assertThatThrownBy(() -> Endpoint.parse("tcp://host:99999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Endpoint.parse("tcp://host:abc")).hasMessageContaining("not a port");
        assertThatThrownBy(() -> Fields.connectableEndpoint("tcp://*:5560", "endpoint"))
                .hasMessageContaining("reach");
    }
}
