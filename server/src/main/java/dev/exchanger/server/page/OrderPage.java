package dev.exchanger.server.page;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderFieldValue;
import dev.exchanger.server.order.OrderPayment;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.order.OrderStatusChange;
import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.support.Decimals;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/** What the payment and order pages show of one order, read from it while it is at hand. */
public record OrderPage(
        long uid, String secret, String lang, String status, boolean finalStatus,
        String inAmount, String fromXml, String fromLabel, String outAmount, String toXml, String toLabel,
        String instructions, OrderPayment payment, boolean manualPayment,
        String expiresAt, String expiresAtIso, long expiresAtMillis, long minutesLeft,
        boolean awaitingPayment, boolean mayMarkPaid, boolean mayConfirm,
        boolean hideOutData, List<Detail> toValues, List<Change> history, String callbackUrl, boolean callbackSuccess,
        boolean test) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One of the recipient's details, masked when the order hides them; {@code name} is the route's field name. */
    public record Detail(String name, String value) {
    }

    /** One status change, for the history. */
    public record Change(String at, String to) {
    }

    static OrderPage of(ExchangeOrder order, List<OrderStatusChange> history, String lang, Instant now) {
        Currency from = order.getRoute().getFrom();
        Currency to = order.getRoute().getTo();
        OrderStatus status = order.getStatus();
        boolean awaiting = status == OrderStatus.NEW || status == OrderStatus.WAIT_PAYMENT;
        Instant expires = order.getExpiresAt();
        long minutesLeft = expires == null ? 0 : Math.max(0, Duration.between(now, expires).toSeconds() + 59) / 60;
        List<Detail> details = order.values(FieldKind.TO_VALUES).stream()
                .map(v -> new Detail(v.getName(), order.isHideOutData() ? OrderFieldValue.masked(v.getValue()) : v.getValue()))
                .toList();
        List<Change> changes = history.stream()
                .map(c -> new Change(TIME.format(c.getChangedAt()), c.getToStatus().wireName()))
                .toList();
        return new OrderPage(order.getUid(), order.getSecret(), lang, status.wireName(), status.isFinal(),
                Decimals.plain(order.getInAmount()), from.getXml(), label(from),
                Decimals.plain(order.getOutAmount()), to.getXml(), label(to),
                from.getPaymentInstructions(), OrderPayment.of(order, lang), from.isManualPayment(),
                expires == null ? null : TIME.format(expires), expires == null ? null : expires.toString(),
                expires == null ? 0 : expires.toEpochMilli(), minutesLeft,
                awaiting, awaiting && from.isManualPayment(), status == OrderStatus.NEW,
                order.isHideOutData(), details, changes,
                callbackUrl(order.getClientCallbackUrl(), status), status == OrderStatus.DONE, order.isTest());
    }

    /** "Ethereum (ETH)", but "WebMoney WMZ" where the name already has its code as a word. */
    static String label(Currency currency) {
        String name = currency.getName();
        String xml = currency.getXml();
        boolean named = Pattern.compile("(^|\\W)" + Pattern.quote(xml) + "($|\\W)", Pattern.CASE_INSENSITIVE).matcher(name).find();
        return named ? name : name + " (" + xml + ")";
    }

    /**
     * Back to the client's site: as given while the order is open; once it is final with
     * {@code status=success} when done, {@code status=error} otherwise, added to whatever query
     * the URL already has.
     */
    static String callbackUrl(String clientCallbackUrl, OrderStatus status) {
        if (clientCallbackUrl == null || !status.isFinal()) {
            return clientCallbackUrl;
        }
        return UriComponentsBuilder.fromUriString(clientCallbackUrl)
                .queryParam("status", status == OrderStatus.DONE ? "success" : "error")
                .build()
                .toUriString();
    }

    /** The client may still cancel: the order is new or waiting for its payment. */
    public boolean mayCancel() {
        return awaitingPayment;
    }

    /** A status the page's script may have to show, and whether it is final. */
    public record StatusLabel(String status, boolean isFinal) {
    }

    /** Every status, in table order, for the script's labels. */
    public List<StatusLabel> statuses() {
        return java.util.Arrays.stream(OrderStatus.values()).map(s -> new StatusLabel(s.wireName(), s.isFinal())).toList();
    }
}
