package dev.exchanger.bench.empty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP ceilings: a no-op GET, and a POST that reads and validates an order/create body and does nothing with it. */
@RestController
class CeilingController {

    /** order/create's request as the spec has it, with the same bean validation as the generated model. */
    record OrderRequest(
            @NotNull @Pattern(regexp = "^[0-9a-f]{24}$") String routeId,
            @NotNull BigDecimal amount,
            @Valid @Size(max = 32) List<@Valid FieldValue> fromValues,
            @Valid @Size(max = 32) List<@Valid FieldValue> toValues,
            @Valid @Size(max = 32) List<@Valid FieldValue> routeValues,
            @Size(max = 64) String partner,
            @Size(max = 254) String email,
            @Pattern(regexp = "^(en|ru)$") String lang,
            @Size(max = 2048) String ipnUrl,
            @Size(min = 1, max = 256) String ipnSecret,
            Boolean agreement,
            Boolean hideOutData,
            @Size(max = 2048) String clientCallbackUrl) {
    }

    record FieldValue(@NotNull @Size(max = 64) String key, @NotNull @Size(max = 512) String value) {
    }

    record Ok(boolean success) {
    }

    record Created(long uid, String status, String inAmount) {
    }

    record Envelope(boolean success, Created data, String requestId) {
    }

    private static final Ok OK = new Ok(true);

    private final AtomicLong uids = new AtomicLong(1000);

    @GetMapping(path = "/noop", produces = MediaType.APPLICATION_JSON_VALUE)
    Ok noop() {
        return OK;
    }

    @PostMapping(path = "/order", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Envelope order(@Valid @RequestBody OrderRequest request) {
        long uid = uids.incrementAndGet();
        return new Envelope(true, new Created(uid, "new", request.amount().toPlainString()), Long.toHexString(uid));
    }
}
