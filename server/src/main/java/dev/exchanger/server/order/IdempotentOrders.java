package dev.exchanger.server.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.Hashes;
import dev.exchanger.server.web.RequestIds;
import dev.exchanger.server.web.SuccessEnvelope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@code order/create} with an {@code Idempotency-Key}: the first answer to a key is stored with
 * a hash of its request, in the transaction that creates the order, and a repeat within
 * {@link #TTL} gets that answer again instead of a second order; the same key with another
 * request is a {@link Conflict}. The controller gives the creation and the answer it builds of
 * it; this class knows neither the order's request nor its answer types, only their JSON.
 *
 * <p>The key's row is inserted ({@code ON CONFLICT DO NOTHING}) before the order is created, so
 * a concurrent request with the same key waits on the primary key until the first transaction
 * ends: after a commit it conflicts and reads the stored answer, after a rollback (the first
 * request failed) its own insert goes through and it creates the order. This relies on READ
 * COMMITTED (PostgreSQL's default, and this application's), where the read after the conflict
 * sees the row that the other transaction committed.
 *
 * <p>The stored answer holds the order's secret and page URLs, and the replay must give them
 * back, so it is stored encrypted ({@link SecretBox}, bound to the key's row) rather than
 * rebuilt: the order itself keeps only the secret's hash.
 */
@Service
public class IdempotentOrders {

    /** The parameter the key comes in. */
    static final String KEY = "Idempotency-Key";

    /** How long a key is remembered. */
    public static final Duration TTL = Duration.ofHours(24);

    private static final String DELETE_EXPIRED =
            "delete from idempotency_key where scope = ? and idem_key = ? and created_at <= ?";
    private static final String INSERT = "insert into idempotency_key (scope, idem_key, request_hash, response_body, created_at)"
            + " values (?, ?, ?, '', ?) on conflict do nothing";
    private static final String STORE_ANSWER = "update idempotency_key set response_body = ? where scope = ? and idem_key = ?";
    private static final String FIND = "select request_hash, response_body from idempotency_key where scope = ? and idem_key = ?";

    /** The request in a canonical form: properties sorted, absent, null and empty alike, amounts without trailing zeros. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(ignored -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                    gen.writeNumber(value.stripTrailingZeros().toPlainString());
                }
            }))
            .build();

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SecretBox box;

    public IdempotentOrders(JdbcTemplate jdbc, JsonMapper json, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.box = box;
    }

    /** The answer to a request with a key, and whether it is the stored answer to an earlier one. */
    public record Answer<T>(T body, boolean replayed) {
    }

    /**
     * Creates the order ({@code creation}: it creates the order and answers its envelope, in this
     * transaction) and stores that envelope under ({@code scope}, {@code key}), or answers the
     * envelope stored for an earlier request with the same key and the same body (with this
     * request's {@code requestId}). A refusal to create rolls the key back with the order, so the
     * key can be used again.
     *
     * @param scope    whose keys these are: the owning partner's id, or {@code ""} for anonymous callers
     * @param request  the request as the client sent it, whose hash tells a repeat from another request
     * @param type     the envelope's type, to read a stored one back
     * @throws Conflict when the key was used with another body within {@link #TTL}
     */
    @Transactional
    public <T extends SuccessEnvelope<?>> Answer<T> create(String scope, String key, Object request, Class<T> type, Supplier<T> creation) {
        String hash = hash(request);
        Instant now = clock.instant();
        jdbc.update(DELETE_EXPIRED, scope, key, utc(now.minus(TTL)));
        // the stored row can vanish between the conflict and the read only if it was purged in between; then try again
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.update(INSERT, scope, key, hash, utc(now)) == 1) {
                T body = creation.get();
                jdbc.update(STORE_ANSWER, box.seal(json.writeValueAsString(body), context(scope, key)), scope, key);
                return new Answer<>(body, false);
            }
            List<Stored> stored = jdbc.query(FIND, (rs, n) -> new Stored(rs.getString(1), rs.getString(2)), scope, key);
            if (!stored.isEmpty()) {
                if (!stored.get(0).requestHash().equals(hash)) {
                    throw Conflict.keyReused(KEY);
                }
                T replay = json.readValue(box.open(stored.get(0).responseBody(), context(scope, key)), type);
                replay.setRequestId(RequestIds.current());
                return new Answer<>(replay, true);
            }
        }
        throw new IllegalStateException("The Idempotency-Key row neither inserts nor reads");
    }

    private static String context(String scope, String key) {
        return SealedColumn.IDEMPOTENT_ANSWER.context(scope, key);
    }

    /** sha256 (hex) of the request in its canonical form: the JSON and the bracket form of one order hash alike. */
    static String hash(Object request) {
        return Hashes.sha256Hex(CANONICAL.writeValueAsString(request));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Stored(String requestHash, String responseBody) {
    }
}
