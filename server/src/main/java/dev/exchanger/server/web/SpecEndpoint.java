package dev.exchanger.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The hand-written spec, verbatim from the spec jar; Swagger UI reads it from here. */
@RestController
public class SpecEndpoint {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] spec;

    public SpecEndpoint() {
        try (InputStream in = new ClassPathResource("openapi.yaml").getInputStream()) {
            this.spec = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is missing from the classpath (the spec jar)", e);
        }
    }

    @GetMapping("/openapi.yaml")
    ResponseEntity<byte[]> spec() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(spec);
    }
}
