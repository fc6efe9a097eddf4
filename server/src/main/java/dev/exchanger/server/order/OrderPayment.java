package dev.exchanger.server.order;

import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.CurrencyPayment;
import dev.exchanger.server.support.Decimals;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Exactly what to send for one order and where: the sending currency's structured details with
 * the order's amount and memo filled in, and a payment URI for wallets where the currency has a
 * standard one (BIP 21 {@code bitcoin:ADDR?amount=X} and its kin, EIP-681 for ether). The
 * payment page and {@code order/get?type=payment} both show this.
 */
public record OrderPayment(String address, String amount, String network, String memo, Integer confirmations,
                           String instructions, String paymentUri) {

    /** BIP 21 and the wallets that follow it: the URI scheme per xml code, amount in whole coins. */
    private static final Map<String, String> BIP21_SCHEMES = Map.of(
            "BTC", "bitcoin", "LTC", "litecoin", "DOGE", "dogecoin", "BCH", "bitcoincash");

    /** The order's payment details in {@code lang}, or null when its currency has none set. */
    public static OrderPayment of(ExchangeOrder order, String lang) {
        Currency from = order.getRoute().getFrom();
        CurrencyPayment payment = from.getPayment();
        if (payment == null) {
            return null;
        }
        String memo = payment.memoFor(order.getUid());
        return new OrderPayment(payment.address(), Decimals.plain(order.getInAmount()), payment.network(), memo,
                payment.confirmations(), payment.instructionsIn(lang),
                memo == null ? paymentUri(from.getXml(), payment.address(), order.getInAmount()) : null);
    }

    /** What the QR code holds: the payment URI where there is one, else the address. */
    public String qrText() {
        return paymentUri != null ? paymentUri : address;
    }

    static String paymentUri(String xml, String address, BigDecimal amount) {
        String code = xml.toUpperCase(Locale.ROOT);
        String scheme = BIP21_SCHEMES.get(code);
        if (scheme != null) {
            return scheme + ":" + address + "?amount=" + Decimals.plain(amount);
        }
        if (code.equals("ETH") && address.matches("0x[0-9a-fA-F]{40}")) {
            // EIP-681: value in wei, an integer
            return "ethereum:" + address + "?value=" + Decimals.plain(amount.movePointRight(18));
        }
        return null;
    }
}
