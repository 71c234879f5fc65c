package org.groupchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestDecoderTest {

    private static Request decode(String json) throws ProtocolException {
        return RequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesEveryFieldOfAFetch() throws Exception {
        Request request = decode("""
                {"op":"FETCH","user":{"id":"123e4567-e89b-12d3-a456-426614174000"},"afterSeq":7,"limit":20,"waitMs":1000,"extra":[1]}""");
        assertThat(request)
                .isEqualTo(new Request.Fetch(User.ofId("123e4567-e89b-12d3-a456-426614174000"), 7L, null, 20, 1000));
    }

    @Test
    void writesTheOpOfARequest() {
        assertThat(new String(Json.write(new Request.Ping()), StandardCharsets.UTF_8))
                .isEqualTo("{\"op\":\"PING\"}");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> RequestDecoder.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("UTF-8");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "\"PING\"",
                "42",
                "null",
                "{}",
                "{\"op\":5}",
                "{\"op\":null}",
                "{\"op\":\"ping\"}",
                "{\"op\":\"NOPE\"}",
                "{\"op\":\"PING\"} trailing",
                "{\"op\":\"PING\",\"op\":\"LIST\"}",
                "{\"op\":\"FETCH\",\"user\":{\"id\":\"x\"},\"limit\":\"5\"}",
                "{\"op\":\"FETCH\",\"limit\":2.5}",
                "{\"op\":\"FETCH\",\"afterSeq\":99999999999999999999999}",
                "{\"op\":\"SEND\",\"text\":42}",
                "{\"op\":\"JOIN\",\"user\":\"me\"}",
                "{\"op\":\"JOIN\",\"user\":{\"id\":true}}",
                "{\"op\":\"FETCH\",\"waitMs\":false}"
            })
    void refusesMalformedRequestsWithBadRequest(String frame) {
        assertThatThrownBy(() -> decode(frame)).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void namesTheFieldThatHasTheWrongType() {
        assertThatThrownBy(() -> decode("{\"op\":\"FETCH\",\"limit\":\"five\"}"))
                .hasMessageContaining("limit");
    }

    @Test
    void namesTheUnknownOp() {
        assertThatThrownBy(() -> decode("{\"op\":\"SHOUT\"}")).hasMessageContaining("SHOUT");
    }
}
