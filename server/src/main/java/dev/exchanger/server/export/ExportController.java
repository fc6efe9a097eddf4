package dev.exchanger.server.export;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.ExportApi;
import dev.exchanger.server.api.model.RateItemDto;
import dev.exchanger.server.api.model.RatesResponseDto;
import dev.exchanger.server.support.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The rates export for monitors. Each answer carries its ETag, the catalog's Last-Modified (once
 * the latest change has settled, see {@link RatesExport#SETTLED}) and {@code Cache-Control: no-cache};
 * Spring's conditional-request handling of a {@link ResponseEntity} with these headers answers a
 * matching {@code If-None-Match} (or, without one, an {@code If-Modified-Since} not older than
 * Last-Modified) with 304 and no body, so the header parameters are not read here.
 */
@RestController
public class ExportController implements ExportApi {

    static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);
    static final MediaType TEXT_XML_UTF8 = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final RatesExport export;

    public ExportController(RatesExport export) {
        this.export = export;
    }

    @Override
    public ResponseEntity<String> exportRatesXml(String ifNoneMatch, String ifModifiedSince) {
        Instant lastModified = export.settledLastModified();
        byte[] xml = RatesExport.xml(export.items());
        return validators(ResponseEntity.ok(), lastModified)
                .contentType(xmlType(currentAccept()))
                .varyBy(HttpHeaders.ACCEPT)
                .eTag("\"" + Hashes.sha256Hex(xml) + "\"")
                .body(new String(xml, StandardCharsets.UTF_8));
    }

    @Override
    public ResponseEntity<RatesResponseDto> exportRatesJson(String ifNoneMatch, String ifModifiedSince) {
        Instant lastModified = export.settledLastModified();
        List<RateItem> items = export.items();
        RatesResponseDto body = success(new RatesResponseDto(), items.stream().map(ExportController::toDto).toList());
        return validators(ResponseEntity.ok(), lastModified)
                .eTag("W/\"" + Hashes.sha256Hex(RatesExport.xml(items)) + "\"")
                .body(body);
    }

    private static ResponseEntity.BodyBuilder validators(ResponseEntity.BodyBuilder ok, Instant lastModified) {
        ok.cacheControl(CacheControl.noCache());
        return lastModified == null ? ok : ok.lastModified(lastModified);
    }

    /**
     * {@code application/xml}, unless the client prefers {@code text/xml} (the handler mapping has
     * already refused an Accept that allows neither, nor JSON for an error).
     */
    static MediaType xmlType(String accept) {
        if (accept == null || accept.isBlank()) {
            return XML_UTF8;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return XML_UTF8;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.includes(MediaType.APPLICATION_XML)) {
                return XML_UTF8;
            }
            if (type.includes(MediaType.TEXT_XML)) {
                return TEXT_XML_UTF8;
            }
        }
        return XML_UTF8;
    }

    private static String currentAccept() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? String.join(",", Collections.list(attributes.getRequest().getHeaders(HttpHeaders.ACCEPT))) : null;
    }

    private static RateItemDto toDto(RateItem item) {
        return new RateItemDto()
                .from(item.from()).to(item.to()).in(item.in()).out(item.out()).amount(item.amount())
                .minamount(item.minamount()).maxamount(item.maxamount())
                .frommin(item.frommin()).frommax(item.frommax()).tomin(item.tomin()).tomax(item.tomax());
    }
}
