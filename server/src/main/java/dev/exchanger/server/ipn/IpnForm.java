package dev.exchanger.server.ipn;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.support.Decimals;
import dev.exchanger.server.support.Hashes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The IPN form exactly as the merchant documentation gives it: orderUID, orderId, newStatus,
 * inAmount, outAmount, xml_from, xml_to, timestamp, toValues[i][key|name|value] and hash,
 * where hash = hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))
 * over the very strings that are sent.
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

    static String body(ExchangeOrder order, OrderStatus status, long timestampMillis) {
        return body(fields(order, status, timestampMillis), order.getIpnSecret());
    }

    static Fields fields(ExchangeOrder order, OrderStatus status, long timestampMillis) {
        List<ToValue> toValues = order.values(FieldKind.TO_VALUES).stream()
                .map(v -> new ToValue(v.getKey(), v.getName(), v.getValue()))
                .toList();
        return new Fields(order.getUid(), order.getId(), status.wireName(),
                Decimals.plain(order.getInAmount()), Decimals.plain(order.getOutAmount()),
                order.getRoute().getFrom().getXml(), order.getRoute().getTo().getXml(), timestampMillis, toValues);
    }

    /** The form body of these fields with their {@code hash} last. */
    static String body(Fields fields, String ipnSecret) {
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
        field(form, "hash", fields.hash(ipnSecret));
        return form.toString();
    }

    static String hash(String orderId, String newStatus, String inAmount, String outAmount,
                       String xmlFrom, String xmlTo, String timestamp, String ipnSecret) {
        return Hashes.sha256Hex(String.join(":", orderId, newStatus, inAmount, outAmount, xmlFrom, xmlTo, timestamp, ipnSecret));
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
