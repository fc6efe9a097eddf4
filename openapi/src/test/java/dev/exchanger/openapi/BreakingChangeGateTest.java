package dev.exchanger.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * The breaking-change gate: the spec must stay compatible with the last released one
 * (openapi/baseline), so that clients generated from a release keep working. The other tests
 * prove that the gate bites on each kind of break and lets compatible changes through.
 */
class BreakingChangeGateTest {

    private static final String BASELINE = read(System.getProperty("spec.baseline"));
    private static final String CURRENT = read(System.getProperty("spec.current"));

    @Test
    void currentSpecIsCompatibleWithTheReleasedBaseline() {
        ChangedOpenApi diff = OpenApiCompare.fromContents(BASELINE, CURRENT);

        assertThat(diff.isIncompatible())
                .as("The spec breaks clients of the released baseline %s:%n%s",
                        System.getProperty("spec.baseline"), report(diff))
                .isFalse();
    }

    @Test
    void gateBitesWhenAnOptionalRequestFieldBecomesRequired() {
        String changed = replaceOnce(CURRENT, "      required: [routeId, amount]\n", "      required: [routeId, amount, partner]\n");

        assertThat(OpenApiCompare.fromContents(BASELINE, changed).isIncompatible()).isTrue();
    }

    @Test
    void gateBitesWhenAResponseFieldIsRemoved() {
        // outAmount of the Order schema (OrderView has one too)
        String property = "        outAmount:\n          $ref: '#/components/schemas/Decimal'\n        rate:\n";
        int order = CURRENT.indexOf("\n    Order:\n");
        assertThat(order).isPositive();
        String changed = CURRENT.substring(0, order) + replaceFirst(CURRENT.substring(order), property, "        rate:\n");
        changed = replaceOnce(changed, "secret, status, route, inAmount, outAmount, rate,", "secret, status, route, inAmount, rate,");

        assertThat(OpenApiCompare.fromContents(BASELINE, changed).isIncompatible()).isTrue();
    }

    @Test
    void gateBitesWhenAnOperationIsRemoved() {
        int start = CURRENT.indexOf("  /public/exchanger/route/get/one/by-xml:\n");
        int end = CURRENT.indexOf("\ncomponents:\n") + 1;
        assertThat(start).isPositive();
        String changed = CURRENT.substring(0, start) + CURRENT.substring(end);

        assertThat(OpenApiCompare.fromContents(BASELINE, changed).isIncompatible()).isTrue();
    }

    @Test
    void gateBitesWhenARequestFieldChangesType() {
        String changed = replaceOnce(CURRENT,
                "        orderUID:\n          type: integer\n          format: int64\n          minimum: 1\n          description: The order's `uid`.\n          example: 1409\n        orderSecret:",
                "        orderUID:\n          type: string\n          description: The order's `uid`.\n          example: '1409'\n        orderSecret:");

        assertThat(OpenApiCompare.fromContents(BASELINE, changed).isIncompatible()).isTrue();
    }

    @Test
    void gateLetsAnOptionalRequestFieldAndANewOperationThrough() {
        String withField = replaceOnce(CURRENT,
                "          description: The client's e-mail address.\n          maxLength: 254\n",
                "          description: The client's e-mail address.\n          maxLength: 254\n"
                        + "        phone:\n          type: string\n          description: The client's phone.\n");
        String withOperation = replaceOnce(withField, "\ncomponents:\n",
                "\n  /public/exchanger/ping:\n    get:\n      tags: [routes]\n      operationId: ping\n"
                        + "      description: Liveness.\n      responses:\n        '204':\n          description: Alive.\n"
                        + "components:\n");

        ChangedOpenApi diff = OpenApiCompare.fromContents(BASELINE, withOperation);
        assertThat(diff.isIncompatible()).as(report(diff)).isFalse();
        assertThat(diff.getNewEndpoints()).extracting(endpoint -> endpoint.getPathUrl()).contains("/public/exchanger/ping");
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("the spec no longer contains the text this test changes:%n%s", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("the text this test changes is not unique:%n%s", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static String replaceFirst(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("the spec no longer contains the text this test changes:%n%s", from).isNotNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static String report(ChangedOpenApi diff) {
        // the console report names every kind of change; the Markdown one leaves some out
        return new ConsoleRender().render(diff);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
