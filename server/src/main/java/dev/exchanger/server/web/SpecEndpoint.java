package dev.exchanger.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-written spec from the spec jar, as Swagger UI and client generators read it: verbatim
 * but for its {@code servers}, which name this server as the caller reached it (see
 * {@link PublicBaseUrl}), so that Swagger UI's "Try it out", and a client generated from this
 * copy, call the server the spec came from rather than the quick start's
 * {@code http://localhost:8080}. Off with {@code exchanger.docs.enabled=false} (Swagger UI too).
 */
@RestController
@ConditionalOnBooleanProperty(name = "exchanger.docs.enabled", matchIfMissing = true)
public class SpecEndpoint {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    /** The top-level {@code servers:} block, up to the next top-level key. */
    private static final Pattern SERVERS = Pattern.compile("(?m)^servers:\\n(?:(?: .*|)\\n)*?(?=^\\S)");
    /** A base URL that goes into the YAML as it is: scheme, host, port and path characters only. */
    private static final Pattern PLAIN_URL = Pattern.compile("^https?://[A-Za-z0-9.\\-]+(?::\\d{1,5})?(?:/[A-Za-z0-9._~/-]*)?$");

    private final byte[] spec;
    private final String head;
    private final String tail;
    private final PublicBaseUrl baseUrl;

    public SpecEndpoint(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
        try (InputStream in = new ClassPathResource("openapi.yaml").getInputStream()) {
            this.spec = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is missing from the classpath (the spec jar)", e);
        }
        String text = new String(spec, StandardCharsets.UTF_8);
        Matcher servers = SERVERS.matcher(text);
        if (!servers.find()) {
            throw new IllegalStateException("openapi.yaml has no top-level servers block to name this server in");
        }
        this.head = text.substring(0, servers.start());
        this.tail = text.substring(servers.end());
    }

    @GetMapping("/openapi.yaml")
    ResponseEntity<byte[]> spec() {
        String base;
        try {
            base = baseUrl.get();
        } catch (IllegalArgumentException unparsable) {
            base = "";
        }
        // a Host header the URL pattern refuses leaves the spec as it is written
        byte[] body = PLAIN_URL.matcher(base).matches()
                ? (head + "servers:\n  - url: " + base + "\n    description: This server\n" + tail).getBytes(StandardCharsets.UTF_8)
                : spec;
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(body);
    }
}
