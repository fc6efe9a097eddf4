package dev.exchanger.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lists as requests bring them: an entry may be null, which a later check refuses with its own answer. */
public final class Lists {

    private Lists() {
    }

    /** Each entry mapped, in order; a null list stays null and a null entry stays null. */
    public static <T, R> List<R> mapKeepingNulls(List<T> values, Function<T, R> mapper) {
        if (values == null) {
            return null;
        }
        List<R> mapped = new ArrayList<>(values.size());
        for (T value : values) {
            mapped.add(value == null ? null : mapper.apply(value));
        }
        return mapped;
    }
}
