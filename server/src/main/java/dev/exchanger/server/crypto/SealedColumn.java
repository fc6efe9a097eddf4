package dev.exchanger.server.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The columns that hold {@link SecretBox} values, each with the columns that identify its row:
 * a value's associated data is {@code table.column:key...}, so it decrypts only in its own row.
 * Migration and re-encryption walk a column in batches, in key order, through {@link #lock}
 * and {@link #write}.
 */
public enum SealedColumn {

    /** The merchant's IPN signing secret of an order. */
    IPN_SECRET("exchange_order", "ipn_secret", "ipn_secret is not null", "id"),
    /** The first answer to an {@code Idempotency-Key} (it holds the order's secret); '' until it is stored. */
    IDEMPOTENT_ANSWER("idempotency_key", "response_body", "response_body <> ''", "scope", "idem_key");

    /** A stored value and the key of its row. */
    public record Stored(List<String> key, String value) {
    }

    /** A value to write back into the row of {@code key}. */
    public record Rewritten(List<String> key, String value) {
    }

    private final String table;
    private final String column;
    private final String stored;
    private final List<String> keyColumns;

    SealedColumn(String table, String column, String stored, String... keyColumns) {
        this.table = table;
        this.column = column;
        this.stored = stored;
        this.keyColumns = List.of(keyColumns);
    }

    /** The associated data of the value in the row with this key: {@code table.column:key...}. */
    public String context(List<String> key) {
        return table + "." + column + ":" + String.join(":", key);
    }

    public String context(String... key) {
        return context(Arrays.asList(key));
    }

    public String column() {
        return column;
    }

    /**
     * Up to {@code limit} stored values, in key order after the row {@code after} (null: from
     * the first row), that also meet {@code condition} (SQL on this table, with {@code args}),
     * locked until the transaction ends.
     */
    public List<Stored> lock(JdbcTemplate jdbc, List<String> after, int limit, String condition, Object... args) {
        String keys = String.join(", ", keyColumns);
        StringBuilder sql = new StringBuilder("select ").append(keys).append(", ").append(column)
                .append(" from ").append(table).append(" where ").append(stored).append(" and (").append(condition).append(')');
        List<Object> params = new ArrayList<>(Arrays.asList(args));
        if (after != null) {
            sql.append(" and (").append(keys).append(") > (").append(String.join(", ", keyColumns.stream().map(k -> "?").toList())).append(')');
            params.addAll(after);
        }
        sql.append(" order by ").append(keys).append(" limit ? for update");
        params.add(limit);
        int n = keyColumns.size();
        return jdbc.query(sql.toString(), (rs, row) -> {
            List<String> key = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                key.add(rs.getString(i));
            }
            return new Stored(List.copyOf(key), rs.getString(n + 1));
        }, params.toArray());
    }

    /** Writes the values back into their rows, in one batch. */
    public void write(JdbcTemplate jdbc, List<Rewritten> values) {
        if (values.isEmpty()) {
            return;
        }
        String sql = "update " + table + " set " + column + " = ? where "
                + String.join(" and ", keyColumns.stream().map(k -> k + " = ?").toList());
        jdbc.batchUpdate(sql, values, values.size(), (ps, value) -> {
            ps.setString(1, value.value());
            for (int i = 0; i < value.key().size(); i++) {
                ps.setString(i + 2, value.key().get(i));
            }
        });
    }
}
