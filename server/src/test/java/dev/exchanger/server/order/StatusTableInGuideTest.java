package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status table of the integration guide (docs/integration-guide.md, "Status changes") is the
 * code's: every change {@link OrderStatus} allows is a row, no other is, and each row names
 * exactly who may make it: the client ({@link OrderStatus#clientMayChangeTo}), the operator
 * ({@link OrderStatus#mayChangeTo}) and expiry, found by letting {@link OrderExpiry} run over an
 * overdue order in every status.
 */
class StatusTableInGuideTest extends ApiTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\w+)` \\| ([a-z, ]+) \\|$");

    @Autowired
    OrderService orders;

    @Autowired
    OrderExpiry expiry;

    @Test
    void theGuidesStatusTableIsTheCodesTable() throws IOException {
        Set<OrderStatus> expiresFrom = statusesExpiryDeletes();
        Map<String, Set<String>> code = new TreeMap<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (from.mayChangeTo(to)) {
                    Set<String> who = new TreeSet<>(Set.of("operator"));
                    if (from.clientMayChangeTo(to)) {
                        who.add("client");
                    }
                    if (to == OrderStatus.DELETED && expiresFrom.contains(from)) {
                        who.add("expiry");
                    }
                    code.put(from.wireName() + " -> " + to.wireName(), who);
                }
            }
        }

        assertThat(guideTable()).isEqualTo(code);
    }

    /** The rows of the guide's table: "from -> to" and who may make that change. */
    private static Map<String, Set<String>> guideTable() throws IOException {
        List<String> lines = Files.readAllLines(Paths.get("..", "docs", "integration-guide.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("### Status changes");
        assertThat(start).as("the guide's section \"### Status changes\"").isNotNegative();
        Map<String, Set<String>> table = new TreeMap<>();
        int header = start;
        while (!lines.get(header).startsWith("| from | to |")) {
            header++;
        }
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            assertThat(row.matches()).as("a row of the status table: " + line).isTrue();
            Set<String> who = new TreeSet<>(List.of(row.group(3).trim().split(",\\s*")));
            assertThat(table.put(row.group(1) + " -> " + row.group(2), who)).as("a second row for " + line).isNull();
        }
        return table;
    }

    /** The statuses from which the expiry job deletes an order whose payment window has ended. */
    private Set<OrderStatus> statusesExpiryDeletes() {
        Map<OrderStatus, ExchangeOrder> overdue = new TreeMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            ExchangeOrder order = orders.create(OrderMapper.toNewOrder(OrderExpiryTest.anOrder()), OrderOwner.NONE);
            jdbc.update("update exchange_order set status = ?, expires_at = now() - interval '1 minute' where id = ?",
                    status.wireName(), order.getId());
            overdue.put(status, order);
        }

        expiry.expireDue();

        Set<OrderStatus> deleted = EnumSet.noneOf(OrderStatus.class);
        overdue.forEach((status, order) -> {
            String now = jdbc.queryForObject("select status from exchange_order where id = ?", String.class, order.getId());
            if (status != OrderStatus.DELETED && "deleted".equals(now)) {
                deleted.add(status);
            }
        });
        return deleted;
    }
}
