package dev.exchanger.server.ipn;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderFieldValue;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.support.Decimals;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The IPN form exactly as the merchant documentation gives it: orderUID, orderId, newStatus,
 * inAmount, outAmount, xml_from, xml_to, timestamp, toValues[i][key|name|value] and hash,
 * where hash = hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))
 * over the very strings that are sent.
 */
final class IpnForm {

    private IpnForm() {
    }

    static String body(ExchangeOrder order, OrderStatus status, long timestampMillis) {
        String inAmount = Decimals.plain(order.getInAmount());
        String outAmount = Decimals.plain(order.getOutAmount());
        String xmlFrom = order.getRoute().getFrom().getXml();
        String xmlTo = order.getRoute().getTo().getXml();
        String timestamp = Long.toString(timestampMillis);
        String hash = hash(order.getId(), status.wireName(), inAmount, outAmount, xmlFrom, xmlTo, timestamp, order.getIpnSecret());

        StringBuilder form = new StringBuilder(512);
        field(form, "orderUID", Long.toString(order.getUid()));
        field(form, "orderId", order.getId());
        field(form, "newStatus", status.wireName());
        field(form, "inAmount", inAmount);
        field(form, "outAmount", outAmount);
        field(form, "xml_from", xmlFrom);
        field(form, "xml_to", xmlTo);
        field(form, "timestamp", timestamp);
        List<OrderFieldValue> toValues = order.values(FieldKind.TO_VALUES);
        for (int i = 0; i < toValues.size(); i++) {
            OrderFieldValue value = toValues.get(i);
            field(form, "toValues[" + i + "][key]", value.getKey());
            field(form, "toValues[" + i + "][name]", value.getName());
            field(form, "toValues[" + i + "][value]", value.getValue());
        }
        field(form, "hash", hash);
        return form.toString();
    }

    static String hash(String orderId, String newStatus, String inAmount, String outAmount,
                       String xmlFrom, String xmlTo, String timestamp, String ipnSecret) {
        String joined = String.join(":", orderId, newStatus, inAmount, outAmount, xmlFrom, xmlTo, timestamp, ipnSecret);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
