package dev.exchanger.server.route;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The three groups of details an order carries, named as on the wire. */
public enum FieldKind {
    FROM_VALUES("fromValues"),
    TO_VALUES("toValues"),
    ROUTE_VALUES("routeValues");

    private final String wireName;

    FieldKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FieldKind fromWireName(String name) {
        for (FieldKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown field kind " + name);
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<FieldKind, String> {
        @Override
        public String convertToDatabaseColumn(FieldKind kind) {
            return kind == null ? null : kind.wireName;
        }

        @Override
        public FieldKind convertToEntityAttribute(String name) {
            return name == null ? null : fromWireName(name);
        }
    }
}
