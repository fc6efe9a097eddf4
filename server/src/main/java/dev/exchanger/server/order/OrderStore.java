package dev.exchanger.server.order;

import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteCache;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order paths' storage in plain SQL: create, read by uid, lock and change status. These are
 * the hot paths, where JPA cost several times the database's own work (an entity graph per
 * request, a round trip per row, a flush per commit): here a create is one statement, a read is
 * one, a status change three (lock, write, commit). The route of every order comes from
 * {@link RouteCache}, checked against the versions each statement reads or writes with. JPA
 * keeps the rest (search, history, the catalog) and maps the same tables.
 *
 * <p>The order secret is written as its hash, the ipnSecret encrypted ({@link SecretBox}, bound
 * to the order's id); reads leave the ipnSecret out, as only the IPN dispatcher needs it.
 */
@Component
class OrderStore {

    /**
     * The order, its field values and its first history line in one statement, on the condition
     * that the route is active and it and its currencies are at the versions the order was
     * checked against: it inserts nothing when the route changed meanwhile.
     */
    private static final String INSERT = """
            with o as (
              insert into exchange_order (id, uid, secret_hash, route_id, status, in_amount, out_amount, rate, lang, partner,
                                          partner_id, email, agreement, hide_out_data, client_callback_url, ipn_url,
                                          ipn_secret, created_at, updated_at, expires_at, version, test)
              select ?, ?, ?, r.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?
                from route r
                join currency f on f.id = r.from_currency_id
                join currency t on t.id = r.to_currency_id
               where r.id = ? and r.active and r.updated_at = ? and f.updated_at = ? and t.updated_at = ?
              returning id, created_at),
            v as (
              insert into order_field_value (order_id, position, kind, field_key, name, value)
              select o.id, x.position, x.kind, x.field_key, x.name, x.value
                from o, unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                        as x(position, kind, field_key, name, value)),
            h as (
              insert into order_status_change (order_id, from_status, to_status, changed_at, actor)
              select o.id, null, ?, o.created_at, ? from o)
            select count(*) from o
            """;

    private static final String COLUMNS = """
            select o.id, o.uid, o.secret_hash, o.route_id, o.status, o.in_amount, o.out_amount, o.rate, o.lang, o.partner,
                   o.partner_id, o.email, o.agreement, o.hide_out_data, o.client_callback_url, o.ipn_url,
                   o.created_at, o.updated_at, o.expires_at, o.version,
                   r.updated_at, f.updated_at, t.updated_at,
                   v.kind, v.field_key, v.name, v.value, o.test
            """;

    private static final String JOINS = """
              join route r on r.id = o.route_id
              join currency f on f.id = r.from_currency_id
              join currency t on t.id = r.to_currency_id
              left join order_field_value v on v.order_id = o.id
            """;

    private static final String BY_UID = COLUMNS + " from exchange_order o " + JOINS + " where o.uid = ? order by v.position";

    private static final String LOCK_BY_UID = BY_UID + " for update of o";

    private static final String LOCK_EXPIRED = """
            with due as (
              select id from exchange_order
               where status in ('new', 'waitPayment') and expires_at < ?
               order by expires_at
               limit ?
               for update skip locked)
            """ + COLUMNS + " from due join exchange_order o on o.id = due.id " + JOINS + " order by o.expires_at, o.id, v.position";

    /** The new status on the order and its history line, in one statement. */
    private static final String CHANGE_STATUS = """
            with o as (
              update exchange_order set status = ?, updated_at = ?, version = version + 1
               where id = ? and status = ?
              returning id)
            insert into order_status_change (order_id, from_status, to_status, changed_at, actor, comment)
            select o.id, ?, ?, ?, ?, ? from o
            """;

    private final JdbcTemplate jdbc;
    private final RouteCache routes;
    private final SecretBox box;

    OrderStore(JdbcTemplate jdbc, RouteCache routes, SecretBox box) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.box = box;
    }

    /**
     * Stores a new order with its values and first history line; {@code false}, storing nothing,
     * when its route was switched off or changed since the order was checked against it.
     */
    boolean insert(ExchangeOrder order, String actor) {
        Route route = order.getRoute();
        RouteCache.Version version = RouteCache.versionOf(route);
        List<OrderFieldValue> values = order.values();
        Integer[] positions = new Integer[values.size()];
        String[] kinds = new String[values.size()];
        String[] keys = new String[values.size()];
        String[] names = new String[values.size()];
        String[] texts = new String[values.size()];
        for (int i = 0; i < values.size(); i++) {
            OrderFieldValue value = values.get(i);
            positions[i] = i;
            kinds[i] = value.getKind().wireName();
            keys[i] = value.getKey();
            names[i] = value.getName();
            texts[i] = value.getValue();
        }
        Long inserted = jdbc.query((Connection connection) -> {
            PreparedStatement ps = connection.prepareStatement(INSERT);
            int i = 0;
            ps.setString(++i, order.getId());
            ps.setLong(++i, order.getUid());
            ps.setString(++i, order.getSecretHash());
            ps.setString(++i, order.getStatus().wireName());
            ps.setBigDecimal(++i, order.getInAmount());
            ps.setBigDecimal(++i, order.getOutAmount());
            ps.setBigDecimal(++i, order.getRate());
            ps.setString(++i, order.getLang());
            ps.setString(++i, order.getPartner());
            ps.setString(++i, order.getPartnerId());
            ps.setString(++i, order.getEmail());
            ps.setBoolean(++i, order.isAgreement());
            ps.setBoolean(++i, order.isHideOutData());
            ps.setString(++i, order.getClientCallbackUrl());
            ps.setString(++i, order.getIpnUrl());
            ps.setString(++i, order.getIpnSecret() == null ? null
                    : box.seal(order.getIpnSecret(), SealedColumn.IPN_SECRET.context(order.getId())));
            ps.setObject(++i, utc(order.getCreatedAt()));
            ps.setObject(++i, utc(order.getUpdatedAt()));
            ps.setObject(++i, utc(order.getExpiresAt()));
            ps.setBoolean(++i, order.isTest());
            ps.setString(++i, route.getId());
            ps.setObject(++i, utc(version.route()));
            ps.setObject(++i, utc(version.from()));
            ps.setObject(++i, utc(version.to()));
            ps.setArray(++i, connection.createArrayOf("int4", positions));
            ps.setArray(++i, connection.createArrayOf("varchar", kinds));
            ps.setArray(++i, connection.createArrayOf("varchar", keys));
            ps.setArray(++i, connection.createArrayOf("varchar", names));
            ps.setArray(++i, connection.createArrayOf("varchar", texts));
            ps.setString(++i, order.getStatus().wireName());
            ps.setString(++i, actor);
            return ps;
        }, rs -> rs.next() ? rs.getLong(1) : 0L);
        return inserted != null && inserted == 1;
    }

    /** The order with this uid, its values, and its route as it is now. */
    Optional<ExchangeOrder> findByUid(long uid) {
        return first(jdbc.query(BY_UID, this::orders, uid));
    }

    /** The order with this uid, locked until the transaction ends, so that its status changes are serialised. */
    Optional<ExchangeOrder> lockByUid(long uid) {
        return first(jdbc.query(LOCK_BY_UID, this::orders, uid));
    }

    /** Unpaid orders past their payment window, locked; orders another instance holds are skipped. */
    List<ExchangeOrder> lockExpired(Instant now, int limit) {
        return jdbc.query(LOCK_EXPIRED, this::orders, utc(now), limit);
    }

    /**
     * Writes the order's new status (already set on it) and its history line; the order must be
     * locked by this transaction, so its status in the database is still {@code from}.
     */
    void recordStatusChange(ExchangeOrder order, OrderStatus from, String actor, String comment) {
        int written = jdbc.update(CHANGE_STATUS, order.getStatus().wireName(), utc(order.getUpdatedAt()), order.getId(),
                from.wireName(), from.wireName(), order.getStatus().wireName(), utc(order.getUpdatedAt()), actor, comment);
        if (written != 1) {
            throw new IllegalStateException("Order " + order.getUid() + " was not " + from.wireName() + " when its change was written");
        }
    }

    /** Orders from rows of {@link #COLUMNS}, one row per field value, in the rows' order. */
    private List<ExchangeOrder> orders(ResultSet rs) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        while (rs.next()) {
            String id = rs.getString(1);
            Row row = rows.get(id);
            if (row == null) {
                row = new Row(rs);
                rows.put(id, row);
            }
            String kind = rs.getString(24);
            if (kind != null) {
                row.values.add(new OrderFieldValue(FieldKind.fromWireName(kind), rs.getString(25), rs.getString(26), rs.getString(27)));
            }
        }
        List<ExchangeOrder> orders = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            orders.add(row.toOrder(routes));
        }
        return orders;
    }

    /** One order's columns, before its route is looked up. */
    static final class Row {
        final String id;
        final long uid;
        final String secretHash;
        final String routeId;
        final OrderStatus status;
        final BigDecimal inAmount;
        final BigDecimal outAmount;
        final BigDecimal rate;
        final String lang;
        final String partner;
        final String partnerId;
        final String email;
        final boolean agreement;
        final boolean hideOutData;
        final String clientCallbackUrl;
        final String ipnUrl;
        final Instant createdAt;
        final Instant updatedAt;
        final Instant expiresAt;
        final long version;
        final boolean test;
        final RouteCache.Version routeVersion;
        final List<OrderFieldValue> values = new ArrayList<>(4);

        Row(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            uid = rs.getLong(2);
            secretHash = rs.getString(3);
            routeId = rs.getString(4);
            status = OrderStatus.fromWireName(rs.getString(5));
            inAmount = rs.getBigDecimal(6);
            outAmount = rs.getBigDecimal(7);
            rate = rs.getBigDecimal(8);
            lang = rs.getString(9);
            partner = rs.getString(10);
            partnerId = rs.getString(11);
            email = rs.getString(12);
            agreement = rs.getBoolean(13);
            hideOutData = rs.getBoolean(14);
            clientCallbackUrl = rs.getString(15);
            ipnUrl = rs.getString(16);
            createdAt = instant(rs, 17);
            updatedAt = instant(rs, 18);
            expiresAt = instant(rs, 19);
            version = rs.getLong(20);
            routeVersion = new RouteCache.Version(instant(rs, 21), instant(rs, 22), instant(rs, 23));
            test = rs.getBoolean(28);
        }

        ExchangeOrder toOrder(RouteCache routes) {
            Route route = routes.get(routeId, routeVersion)
                    .orElseThrow(() -> new IllegalStateException("Order " + uid + " has no route " + routeId));
            return ExchangeOrder.restore(this, route);
        }
    }

    private static Optional<ExchangeOrder> first(List<ExchangeOrder> orders) {
        return orders.isEmpty() ? Optional.empty() : Optional.of(orders.get(0));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
