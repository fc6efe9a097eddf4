package dev.exchanger.server.order;

import dev.exchanger.server.route.RouteFieldCheck;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as a client asks for it, before any check: what {@link OrderService#create} takes.
 * Blank texts are absent and the others stripped; a list of details may hold a null entry (the
 * client sent one), which the check refuses. Absent amount or route are checked by the service.
 *
 * @param lang   the page language, {@code en} when not given
 * @param ipnUrl where the order's IPNs go, if anywhere; {@code ipnSecret} signs them
 */
public record NewOrder(String routeId, BigDecimal amount, String lang, String partner, String email, boolean agreement,
                       boolean hideOutData, String clientCallbackUrl, String ipnUrl, String ipnSecret,
                       List<RouteFieldCheck.Given> fromValues, List<RouteFieldCheck.Given> toValues,
                       List<RouteFieldCheck.Given> routeValues) {

    public NewOrder {
        lang = lang != null ? lang : "en";
        partner = blankToNull(partner);
        email = blankToNull(email);
        clientCallbackUrl = blankToNull(clientCallbackUrl);
        ipnUrl = blankToNull(ipnUrl);
        ipnSecret = blankToNull(ipnSecret);
        fromValues = fromValues != null ? fromValues : List.of();
        toValues = toValues != null ? toValues : List.of();
        routeValues = routeValues != null ? routeValues : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
