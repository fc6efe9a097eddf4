package dev.exchanger.contract.gate;

import dev.exchanger.contract.Spec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Every operation of the spec with the status codes it documents, parsed with swagger-parser. */
final class SpecOperations {

    /** One operation: {@code GET /public/exchanger/order/get} is {@code getOrder}, answering 200, 400, 404, 500. */
    record Operation(String method, String path, String operationId, Set<String> statuses) {

        boolean matches(String method, String path) {
            return this.method.equalsIgnoreCase(method) && template().matcher(path).matches();
        }

        private Pattern template() {
            StringBuilder regex = new StringBuilder();
            for (String part : this.path.split("(?=\\{)|(?<=})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
    }

    private final List<Operation> operations;

    private SpecOperations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    static SpecOperations load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Spec.yaml(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("The spec does not parse: " + result.getMessages());
        }
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<String> statuses = new TreeSet<>(operation.getResponses().keySet());
            statuses.remove("default");
            operations.add(new Operation(method.name().toUpperCase(Locale.ROOT), path, operation.getOperationId(), statuses));
        }));
        return new SpecOperations(operations);
    }

    List<Operation> all() {
        return operations;
    }

    Optional<Operation> find(String method, String path) {
        return operations.stream().filter(o -> o.matches(method, path)).findFirst();
    }
}
