package dev.exchanger.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** 24-hex ObjectIds: seconds, process random, counter. */
class ObjectIdsTest {

    @Test
    void makesTwentyFourLowercaseHexDigits() {
        for (int i = 0; i < 100; i++) {
            String id = ObjectIds.next();
            assertThat(id).matches("^[0-9a-f]{24}$");
            assertThat(ObjectIds.isValid(id)).isTrue();
        }
    }

    @Test
    void neverRepeatsAnId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(ObjectIds.next());
        }
        assertThat(ids).hasSize(50_000);
    }

    @Test
    void startsWithTheCreationTimeInSeconds() {
        long before = System.currentTimeMillis() / 1000;
        String id = ObjectIds.next();
        long after = System.currentTimeMillis() / 1000;

        long seconds = Long.parseLong(id.substring(0, 8), 16);
        assertThat(seconds).isBetween(before, after);
    }

    @Test
    void sharesTheProcessPartAndCountsUpInTheLastBytes() {
        String first = ObjectIds.next();
        String second = ObjectIds.next();

        assertThat(second.substring(8, 18)).isEqualTo(first.substring(8, 18));
        int firstCounter = Integer.parseInt(first.substring(18), 16);
        int secondCounter = Integer.parseInt(second.substring(18), 16);
        assertThat(secondCounter).isEqualTo((firstCounter + 1) & 0xFFFFFF);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "5d8e5f4ab80b7b4cd75a640",      // 23
            "5d8e5f4ab80b7b4cd75a64022",    // 25
            "5D8E5F4AB80B7B4CD75A6402",     // upper case
            "5d8e5f4ab80b7b4cd75a640g",     // not hex
            " 5d8e5f4ab80b7b4cd75a6402"})
    void refusesAnythingElse(String id) {
        assertThat(ObjectIds.isValid(id)).isFalse();
    }

    @Test
    void acceptsTheSeededRouteIds() {
        assertThat(ObjectIds.isValid("5d8e5f4ab80b7b4cd75a6402")).isTrue();
    }
}
