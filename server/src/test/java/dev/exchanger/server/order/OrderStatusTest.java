package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The status table of the spec (OrderStatus), row by row, and the client's narrower rights. */
class OrderStatusTest {

    /** The spec's table of allowed changes, written out independently of the production table. */
    static Stream<Arguments> allowedChanges() {
        return Stream.of(
                row("new", "waitPayment", "inProgress", "hold", "deleted"),
                row("waitPayment", "inProgress", "errorPayment", "hold", "deleted"),
                row("errorPayment", "waitPayment", "inProgress", "hold", "returned", "deleted"),
                row("inProgress", "inProgressPayout", "errorPayment", "hold", "done", "returned"),
                row("inProgressPayout", "done", "errorPayout", "hold"),
                row("errorPayout", "inProgressPayout", "hold", "done", "returned"),
                row("hold", "inProgress", "inProgressPayout", "done", "returned", "deleted"))
                .flatMap(row -> row);
    }

    private static Stream<Arguments> row(String from, String... to) {
        return Arrays.stream(to).map(t -> Arguments.of(from, t));
    }

    private static OrderStatus s(String wireName) {
        return OrderStatus.fromWireName(wireName);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedChanges")
    void allowsEveryChangeOfTheTable(String from, String to) {
        assertThat(s(from).mayChangeTo(s(to))).isTrue();
    }

    @Test
    void allowsNothingBeyondTheTable() {
        Set<String> table = allowedChanges()
                .map(a -> a.get()[0] + "->" + a.get()[1])
                .collect(Collectors.toSet());
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = table.contains(from.wireName() + "->" + to.wireName());
                assertThat(from.mayChangeTo(to)).as(from.wireName() + " -> " + to.wireName()).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
            "new, done", "new, inProgressPayout", "new, returned", "new, errorPayment", "new, new",
            "waitPayment, done", "waitPayment, new", "inProgress, deleted", "inProgress, new",
            "inProgressPayout, deleted", "inProgressPayout, inProgress", "errorPayout, deleted",
            "hold, new", "hold, waitPayment", "errorPayment, done"})
    void refusesChangesOutsideTheTable(String from, String to) {
        assertThat(s(from).mayChangeTo(s(to))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"DONE", "RETURNED", "DELETED"})
    void finalStatusesHaveNoExit(OrderStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(OrderStatus.values()).noneMatch(status::mayChangeTo);
        assertThat(OrderStatus.values()).noneMatch(status::clientMayChangeTo);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"DONE", "RETURNED", "DELETED"}, mode = EnumSource.Mode.EXCLUDE)
    void otherStatusesAreNotFinal(OrderStatus status) {
        assertThat(status.isFinal()).isFalse();
    }

    @Test
    void clientChangesOnlyFromNewOrWaitPaymentToInProgressOrDeleted() {
        Set<String> clientMoves = EnumSet.allOf(OrderStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(OrderStatus.class).stream()
                        .filter(from::clientMayChangeTo)
                        .map(to -> from.wireName() + "->" + to.wireName()))
                .collect(Collectors.toSet());

        assertThat(clientMoves).containsExactlyInAnyOrder(
                "new->inProgress", "new->deleted", "waitPayment->inProgress", "waitPayment->deleted");
    }

    @ParameterizedTest
    @CsvSource({"new, waitPayment", "new, hold", "waitPayment, errorPayment", "waitPayment, hold",
            "errorPayment, inProgress", "errorPayment, deleted", "hold, inProgress", "hold, deleted",
            "new, done", "new, inProgressPayout"})
    void clientMayNotMakeOperatorChanges(String from, String to) {
        assertThat(s(from).clientMayChangeTo(s(to))).isFalse();
    }

    @Test
    void wireNamesAreTheSpecsAndRoundTrip() {
        assertThat(Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName)).containsExactly(
                "new", "waitPayment", "errorPayment", "inProgress", "inProgressPayout",
                "errorPayout", "hold", "done", "returned", "deleted");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.fromWireName(status.wireName())).isSameAs(status);
            assertThat(new OrderStatus.Column().convertToDatabaseColumn(status)).isEqualTo(status.wireName());
            assertThat(new OrderStatus.Column().convertToEntityAttribute(status.wireName())).isSameAs(status);
        }
    }

    @Test
    void refusesUnknownWireNames() {
        assertThatThrownBy(() -> OrderStatus.fromWireName("IN_PROGRESS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderStatus.fromWireName("paid")).isInstanceOf(IllegalArgumentException.class);
    }
}
