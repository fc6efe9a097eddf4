package dev.exchanger.server.route;

import java.util.List;

/**
 * A route as the operator sets it, to create one or to replace one whole (its terms and every
 * field group), before any check ({@link Catalog} checks it). Decimals come as the caller wrote
 * them; a field group may hold a null entry (the caller sent one), which the check refuses.
 */
public record RouteChange(String fromCurrencyId, String toCurrencyId, String rate, String feePercent, String feeFixed,
                          String minAmount, String maxAmount, int paymentWindowMinutes, boolean active,
                          List<Field> fromValues, List<Field> toValues, List<Field> routeValues) {

    /** One field of a group: {@code key} names a field the route keeps, null a new one. */
    public record Field(String key, String name, boolean required, String regexp, String example) {
    }

    List<Field> fields(FieldKind kind) {
        return switch (kind) {
            case FROM_VALUES -> fromValues;
            case TO_VALUES -> toValues;
            case ROUTE_VALUES -> routeValues;
        };
    }
}
