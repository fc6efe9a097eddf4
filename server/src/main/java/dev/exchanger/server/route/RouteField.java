package dev.exchanger.server.route;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** One field an order on a route carries; its id is the key clients send. */
@Entity
@Table(name = "route_field")
public class RouteField {

    /** Compiled field patterns by their text: entities are loaded per request, patterns need compiling once. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "route_id")
    private Route route;

    private FieldKind kind;

    private int position;

    private String name;

    private boolean required;

    private String regexp;

    private String example;

    protected RouteField() {
    }

    public String getId() {
        return id;
    }

    public String getKey() {
        return id;
    }

    public FieldKind getKind() {
        return kind;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public boolean isRequired() {
        return required;
    }

    public String getRegexp() {
        return regexp;
    }

    public String getExample() {
        return example;
    }

    /** Whether the whole value matches the field's pattern (any value when it has none). */
    public boolean accepts(String value) {
        if (regexp == null || regexp.isEmpty()) {
            return true;
        }
        return PATTERNS.computeIfAbsent(regexp, Pattern::compile).matcher(value).matches();
    }
}
