package dev.exchanger.server.order;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order's status and the one table of allowed changes, enforced here for everyone
 * (client, operator, expiry). Stored and sent by its wire name ({@code waitPayment}).
 */
public enum OrderStatus {
    NEW("new"),
    WAIT_PAYMENT("waitPayment"),
    ERROR_PAYMENT("errorPayment"),
    IN_PROGRESS("inProgress"),
    IN_PROGRESS_PAYOUT("inProgressPayout"),
    ERROR_PAYOUT("errorPayout"),
    HOLD("hold"),
    DONE("done"),
    RETURNED("returned"),
    DELETED("deleted");

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(WAIT_PAYMENT, IN_PROGRESS, HOLD, DELETED),
            WAIT_PAYMENT, EnumSet.of(IN_PROGRESS, ERROR_PAYMENT, HOLD, DELETED),
            ERROR_PAYMENT, EnumSet.of(WAIT_PAYMENT, IN_PROGRESS, HOLD, RETURNED, DELETED),
            IN_PROGRESS, EnumSet.of(IN_PROGRESS_PAYOUT, ERROR_PAYMENT, HOLD, DONE, RETURNED),
            IN_PROGRESS_PAYOUT, EnumSet.of(DONE, ERROR_PAYOUT, HOLD),
            ERROR_PAYOUT, EnumSet.of(IN_PROGRESS_PAYOUT, HOLD, DONE, RETURNED),
            HOLD, EnumSet.of(IN_PROGRESS, IN_PROGRESS_PAYOUT, DONE, RETURNED, DELETED));

    /** The client may only confirm its payment or cancel, and only before it has paid. */
    private static final Set<OrderStatus> CLIENT_FROM = EnumSet.of(NEW, WAIT_PAYMENT);
    private static final Set<OrderStatus> CLIENT_TO = EnumSet.of(IN_PROGRESS, DELETED);

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return !ALLOWED.containsKey(this);
    }

    public boolean mayChangeTo(OrderStatus next) {
        return ALLOWED.getOrDefault(this, Set.of()).contains(next);
    }

    public boolean clientMayChangeTo(OrderStatus next) {
        return CLIENT_FROM.contains(this) && CLIENT_TO.contains(next) && mayChangeTo(next);
    }

    public static OrderStatus fromWireName(String name) {
        for (OrderStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown order status " + name);
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<OrderStatus, String> {
        @Override
        public String convertToDatabaseColumn(OrderStatus status) {
            return status == null ? null : status.wireName;
        }

        @Override
        public OrderStatus convertToEntityAttribute(String name) {
            return name == null ? null : fromWireName(name);
        }
    }
}
