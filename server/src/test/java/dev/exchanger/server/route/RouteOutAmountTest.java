package dev.exchanger.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The money rule, {@code outAmount = amount x rate - percent fee - fixed fee, rounded down to
 * the receiving scale}, on the demo routes as PostgreSQL stores them (numeric(38,18)), both
 * directly on {@link Route#outAmount} and through {@code order/create}. Routes have no public
 * constructor, so they are read from the database rather than built by reflection.
 */
class RouteOutAmountTest extends ApiTest {

    @Autowired
    private RouteRepository routes;

    private Route route(String id) {
        return routes.findActive(id).orElseThrow();
    }

    @ParameterizedTest(name = "{1} on {0} gives {2}")
    @CsvSource({
            // ETH -> WMZ: 158.71, no fees, WMZ has 2 decimals
            ETH_WMZ + ", 2, 317.42",
            ETH_WMZ + ", 1, 158.71",
            ETH_WMZ + ", 0.5, 79.35",              // 79.355: down, not half-up
            ETH_WMZ + ", 0.01, 1.58",              // 1.5871
            ETH_WMZ + ", 0.01234567, 1.95",        // 1.9594...
            ETH_WMZ + ", 0.00000001, 0.00",        // 0.0000015871
            ETH_WMZ + ", 50, 7935.50",
            // BTC -> USDTTRC20: 64250.5, 0.5 % and 1 fixed, USDT has 2 decimals
            BTC_USDT + ", 0.001, 62.92",           // 64.2505 - 0.3212525 - 1 = 62.9292475
            BTC_USDT + ", 1, 63928.24",            // 64250.5 - 321.2525 - 1 = 63928.2475
            BTC_USDT + ", 0.0005, 30.96",          // 32.12525 - 0.16062625 - 1 = 30.96462375
            // USDTTRC20 -> CARDUAH: 41.35, 1 %
            USDT_CARD + ", 100, 4093.65",
            USDT_CARD + ", 10.01, 409.77",         // 413.9135 - 4.139135 = 409.774365
            USDT_CARD + ", 10, 409.36"})           // 413.5 - 4.135 = 409.365
    void takesFeesAndRoundsDownToTheReceivingScale(String routeId, String amount, String expected) {
        BigDecimal out = route(routeId).outAmount(new BigDecimal(amount));

        assertThat(out).isEqualByComparingTo(expected);
        assertThat(out.scale()).isEqualTo(2);
    }

    @Test
    void multipliesExactlyWithoutBinaryFloatingPoint() {
        // as a double, 2 x 158.71 is 317.42000000000002; 0.1 x 3 would be 0.30000000000000004
        assertThat(route(ETH_WMZ).outAmount(new BigDecimal("2"))).isEqualTo(new BigDecimal("317.42"));
        assertThat(route(ETH_WMZ).outAmount(new BigDecimal("0.3"))).isEqualTo(new BigDecimal("47.61"));
    }

    @Test
    void neverRoundsUpEvenOneUnitBelowTheNextCent() {
        // 0.06299999 x 158.71 = 9.9987... -> 9.99, never 10.00
        assertThat(route(ETH_WMZ).outAmount(new BigDecimal("0.06299999"))).isEqualTo(new BigDecimal("9.99"));
    }

    @Test
    void ordersAnswerTheSameOutAmountAsTheRoute() throws Exception {
        JsonNode btc = createdOrder(Map.of(
                "routeId", BTC_USDT,
                "amount", new BigDecimal("0.001"),
                "toValues", List.of(field("5d8e5f4ab80b7b4cd75a6411", "TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9")),
                "routeValues", List.of(field("5d8e5f4ab80b7b4cd75a6412", "client@example.com"))));
        assertThat(btc.path("inAmount").asString()).isEqualTo("0.001");
        assertThat(btc.path("outAmount").asString()).isEqualTo("62.92");
        assertThat(btc.path("rate").asString()).isEqualTo("64250.5");

        Map<String, Object> eth = ethToWmz();
        eth.put("amount", new BigDecimal("0.01234567"));
        JsonNode order = createdOrder(eth);
        assertThat(order.path("inAmount").asString()).isEqualTo("0.01234567");
        assertThat(order.path("outAmount").asString()).isEqualTo("1.95");

        eth.put("amount", 50);
        // plain on the wire: no trailing zero
        assertThat(createdOrder(eth).path("outAmount").asString()).isEqualTo("7935.5");
    }
}
