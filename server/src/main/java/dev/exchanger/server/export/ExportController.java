package dev.exchanger.server.export;

import dev.exchanger.server.api.ExportApi;
import dev.exchanger.server.api.model.RatesResponse;
import dev.exchanger.server.web.RequestIds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rates export for monitors. Each answer carries its ETag and {@code Cache-Control: no-cache};
 * Spring's conditional-request handling of a {@link ResponseEntity} with an ETag answers a matching
 * {@code If-None-Match} with 304 and no body, so the header parameter is not read here.
 * No {@code Last-Modified}: routes keep no modification time.
 */
@RestController
public class ExportController implements ExportApi {

    static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final RatesExport export;

    public ExportController(RatesExport export) {
        this.export = export;
    }

    @Override
    public ResponseEntity<String> exportRatesXml(String ifNoneMatch) {
        byte[] xml = RatesExport.xml(export.items());
        return ResponseEntity.ok()
                .contentType(XML_UTF8)
                .eTag("\"" + RatesExport.sha256(xml) + "\"")
                .cacheControl(CacheControl.noCache())
                .body(new String(xml, StandardCharsets.UTF_8));
    }

    @Override
    public ResponseEntity<RatesResponse> exportRatesJson(String ifNoneMatch) {
        List<RateItem> items = export.items();
        RatesResponse body = new RatesResponse()
                .success(true)
                .data(items.stream().map(ExportController::toDto).toList())
                .requestId(RequestIds.current());
        return ResponseEntity.ok()
                .eTag("W/\"" + RatesExport.sha256(RatesExport.xml(items)) + "\"")
                .cacheControl(CacheControl.noCache())
                .body(body);
    }

    private static dev.exchanger.server.api.model.RateItem toDto(RateItem item) {
        return new dev.exchanger.server.api.model.RateItem()
                .from(item.from()).to(item.to()).in(item.in()).out(item.out()).amount(item.amount())
                .minamount(item.minamount()).maxamount(item.maxamount())
                .frommin(item.frommin()).frommax(item.frommax()).tomin(item.tomin()).tomax(item.tomax());
    }
}
