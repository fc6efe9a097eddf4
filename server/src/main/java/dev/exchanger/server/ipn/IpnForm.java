package dev.exchanger.server.ipn;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.support.Decimals;
import dev.exchanger.server.support.Hashes;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPN form exactly as the merchant documentation gives it: orderUID, orderId, newStatus,
 * inAmount, outAmount, xml_from, xml_to, timestamp, toValues[i][key|name|value] and hash,
 * where hash = hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))
 * over the very strings that are sent.
 *
 * <p>The outbox stores the body without its {@code hash} ({@link #body(Fields)}); the dispatcher
 * adds it when it sends ({@link #sign}), so that no value derived from the ipnSecret is stored.
 */
public final class IpnForm {

    /** The fields of one IPN before signing, as strings exactly as they are sent. */
    public record Fields(long orderUID, String orderId, String newStatus, String inAmount, String outAmount,
                         String xmlFrom, String xmlTo, long timestamp, List<ToValue> toValues) {

        public Fields {
            toValues = List.copyOf(toValues);
        }

        /** The legacy {@code hash} of these fields, signed with the ipnSecret. */
        public String hash(String ipnSecret) {
            return IpnForm.hash(orderId, newStatus, inAmount, outAmount, xmlFrom, xmlTo, Long.toString(timestamp), ipnSecret);
        }
    }

    /** One of the recipient's details: {@code toValues[i][key|name|value]}. */
    public record ToValue(String key, String name, String value) {
    }

    private IpnForm() {
    }

    /** The IPN of this status change as the outbox stores it: without its {@code hash}. */
    static String body(ExchangeOrder order, OrderStatus status, long timestampMillis) {
        return body(fields(order, status, timestampMillis));
    }

    static Fields fields(ExchangeOrder order, OrderStatus status, long timestampMillis) {
        List<ToValue> toValues = order.values(FieldKind.TO_VALUES).stream()
                .map(v -> new ToValue(v.getKey(), v.getName(), v.getValue()))
                .toList();
        return new Fields(order.getUid(), order.getId(), status.wireName(),
                Decimals.plain(order.getInAmount()), Decimals.plain(order.getOutAmount()),
                order.getRoute().getFrom().getXml(), order.getRoute().getTo().getXml(), timestampMillis, toValues);
    }

    /** The form body of these fields with their {@code hash} last, as it is sent. */
    static String body(Fields fields, String ipnSecret) {
        return sign(body(fields), ipnSecret);
    }

    /**
     * A stored body ({@link #body(Fields)}) as it is sent: with the {@code hash} of its own
     * fields and the ipnSecret last.
     */
    static String sign(String unsigned, String ipnSecret) {
        Map<String, String> form = new HashMap<>();
        for (String pair : unsigned.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String hash = hash(required(form, "orderId"), required(form, "newStatus"), required(form, "inAmount"),
                required(form, "outAmount"), required(form, "xml_from"), required(form, "xml_to"), required(form, "timestamp"),
                ipnSecret);
        StringBuilder body = new StringBuilder(unsigned.length() + 70).append(unsigned);
        field(body, "hash", hash);
        return body.toString();
    }

    /** The unsigned form body of these fields, as the outbox stores it. */
    static String body(Fields fields) {
        StringBuilder form = new StringBuilder(512);
        field(form, "orderUID", Long.toString(fields.orderUID()));
        field(form, "orderId", fields.orderId());
        field(form, "newStatus", fields.newStatus());
        field(form, "inAmount", fields.inAmount());
        field(form, "outAmount", fields.outAmount());
        field(form, "xml_from", fields.xmlFrom());
        field(form, "xml_to", fields.xmlTo());
        field(form, "timestamp", Long.toString(fields.timestamp()));
        List<ToValue> toValues = fields.toValues();
        for (int i = 0; i < toValues.size(); i++) {
            ToValue value = toValues.get(i);
            field(form, "toValues[" + i + "][key]", value.key());
            field(form, "toValues[" + i + "][name]", value.name());
            field(form, "toValues[" + i + "][value]", value.value());
        }
        return form.toString();
    }

    static String hash(String orderId, String newStatus, String inAmount, String outAmount,
                       String xmlFrom, String xmlTo, String timestamp, String ipnSecret) {
        return Hashes.sha256Hex(String.join(":", orderId, newStatus, inAmount, outAmount, xmlFrom, xmlTo, timestamp, ipnSecret));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The IPN body has no " + name);
        }
        return value;
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
