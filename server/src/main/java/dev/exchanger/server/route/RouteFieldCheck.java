package dev.exchanger.server.route;

import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.InvalidParam.Err;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the details a client gives for one group of a route's fields ({@code fromValues},
 * {@code toValues} or {@code routeValues}) and answers them in the route's field order with
 * their names. The first failure is an {@link InvalidParam} naming the field:
 * an unknown or repeated key, a missing required value, or a value the field's pattern refuses.
 */
public final class RouteFieldCheck {

    /** A detail as the client gave it. */
    public record Given(String key, String value) {
    }

    /** A detail as the order keeps it. */
    public record Checked(FieldKind kind, String key, String name, String value) {
    }

    private RouteFieldCheck() {
    }

    public static List<Checked> check(Route route, FieldKind kind, List<Given> given) {
        List<RouteField> fields = route.fields(kind);
        Map<String, String> byKey = new HashMap<>();
        for (Given g : given) {
            RouteField field = fields.stream().filter(f -> f.getKey().equals(g.key())).findFirst().orElse(null);
            if (field == null) {
                throw InvalidParam.of(kind.wireName(), g.key(), g.key(), Err.UNKNOWN);
            }
            if (byKey.putIfAbsent(g.key(), g.value()) != null) {
                throw InvalidParam.of(kind.wireName(), field.getKey(), field.getName(), Err.DUPLICATE);
            }
        }
        List<Checked> checked = new ArrayList<>();
        for (RouteField field : fields) {
            String value = byKey.get(field.getKey());
            if (value == null || value.isBlank()) {
                if (field.isRequired()) {
                    throw InvalidParam.of(kind.wireName(), field.getKey(), field.getName(), Err.REQUIRED);
                }
                continue;
            }
            String trimmed = value.strip();
            if (!field.accepts(trimmed)) {
                throw InvalidParam.of(kind.wireName(), field.getKey(), field.getName(), Err.REGEXP);
            }
            checked.add(new Checked(kind, field.getKey(), field.getName(), trimmed));
        }
        return checked;
    }
}
