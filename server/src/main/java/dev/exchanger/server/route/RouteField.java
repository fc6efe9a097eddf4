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

    /**
     * Compiled field patterns by their text: entities are loaded per request, patterns need
     * compiling once. Keyed by the text, so an edited pattern is compiled anew at once; emptied
     * when it grows past {@link #MAX_PATTERNS}, since the operator's edits leave old ones behind.
     */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_PATTERNS = 1000;

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

    /** A new field of this route; {@code id} is the key clients will send. */
    public static RouteField create(String id, Route route, FieldKind kind, int position, String name, boolean required,
                                    String regexp, String example) {
        RouteField field = new RouteField();
        field.id = id;
        field.route = route;
        field.kind = kind;
        field.update(position, name, required, regexp, example);
        return field;
    }

    /** Replaces what the operator sets; the key, route and kind stay. */
    public void update(int position, String name, boolean required, String regexp, String example) {
        this.position = position;
        this.name = name;
        this.required = required;
        this.regexp = regexp;
        this.example = example;
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
        return pattern(regexp).matcher(value).matches();
    }

    /** The compiled pattern of this text; a {@link java.util.regex.PatternSyntaxException} when it does not compile. */
    public static Pattern pattern(String regexp) {
        Pattern pattern = PATTERNS.get(regexp);
        if (pattern == null) {
            pattern = Pattern.compile(regexp);
            if (PATTERNS.size() >= MAX_PATTERNS) {
                PATTERNS.clear();
            }
            PATTERNS.put(regexp, pattern);
        }
        return pattern;
    }
}
