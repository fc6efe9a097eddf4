package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests that Tomcat itself refuses, before any filter or servlet (an unencoded {@code {} in the
 * path), are answered in the error envelope too. Sent over a raw socket, since HTTP clients will
 * not send such requests.
 */
class ContainerErrorsTest extends ApiTest {

    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCharacterTomcatRefusesInThePathIs400InTheEnvelope() throws Exception {
        // '{' is not allowed unencoded in a request target; Tomcat answers before any filter
        String response = exchange("PUT /admin/currencies/abc{def} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(response).startsWith("HTTP/1.1 400");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/json");
        JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(1000);
        assertThat(body.path("requestId").asString()).isNotBlank();
        assertThat(response).doesNotContain("<html");
    }
}
