package dev.exchanger.server.order;

import dev.exchanger.server.route.FieldKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One of an order's details, with the field's name as it was when the order was made. */
@Embeddable
public class OrderFieldValue {

    private FieldKind kind;

    @Column(name = "field_key")
    private String key;

    private String name;

    private String value;

    protected OrderFieldValue() {
    }

    public OrderFieldValue(FieldKind kind, String key, String name, String value) {
        this.kind = kind;
        this.key = key;
        this.name = name;
        this.value = value;
    }

    public FieldKind getKind() {
        return kind;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /** A value with all but its first and last two characters hidden (all of it when short). */
    public static String masked(String value) {
        if (value.length() <= 6) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
    }
}
