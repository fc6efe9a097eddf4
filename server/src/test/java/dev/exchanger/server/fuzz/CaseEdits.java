package dev.exchanger.server.fuzz;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.resolve.ArrayValue;
import org.cornutum.tcases.resolve.BooleanValue;
import org.cornutum.tcases.resolve.DataValue;
import org.cornutum.tcases.resolve.DecimalValue;
import org.cornutum.tcases.resolve.LongValue;
import org.cornutum.tcases.resolve.NullValue;
import org.cornutum.tcases.resolve.ObjectValue;
import org.cornutum.tcases.resolve.StringValue;
import tools.jackson.databind.JsonNode;

/**
 * Edits of Tcases' request cases for the realistic variants: another value for a parameter or
 * for properties of the JSON body, everything else as Tcases chose it.
 */
final class CaseEdits {

    private CaseEdits() {
    }

    /** Whether Tcases made this property of the body invalid ({@code invalidInput} names it). */
    static boolean mentions(String invalidInput, String property) {
        return invalidInput.contains(".Properties." + property + ".");
    }

    /** Whether Tcases made this parameter invalid. */
    static boolean mentionsParam(String invalidInput, String param) {
        return invalidInput.startsWith(param + ".");
    }

    static void expectEqual(List<String> problems, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }

    static List<ParamData> params(RequestCase request) {
        List<ParamData> params = new ArrayList<>();
        request.getParams().forEach(params::add);
        return params;
    }

    static ParamData withValue(ParamData param, DataValue<?> value) {
        ParamData copy = new ParamData(param.getName(), value, param.getMediaType(), true);
        copy.setLocation(param.getLocation());
        copy.setStyle(param.getStyle());
        copy.setExploded(param.isExploded());
        return copy;
    }

    /** The case with these parameters given these values; the others as they were. */
    static RequestCase withParams(RequestCase request, Map<String, DataValue<?>> values) {
        List<ParamData> params = new ArrayList<>();
        for (ParamData param : request.getParams()) {
            params.add(values.containsKey(param.getName()) ? withValue(param, values.get(param.getName())) : param);
        }
        return copy(request, params, request.getBody());
    }

    /** The properties of the case's JSON body, to change and give to {@link #withBody}; empty when the body is no object. */
    static Map<String, DataValue<?>> body(RequestCase request) {
        return request.getBody() != null && request.getBody().getValue() instanceof ObjectValue object
                ? new LinkedHashMap<>(object.getValue())
                : new LinkedHashMap<>();
    }

    /** The case with this JSON body (in the case's media type and encodings). */
    static RequestCase withBody(RequestCase request, Map<String, DataValue<?>> body) {
        MessageData message = request.getBody();
        MessageData changed = new MessageData(new ObjectValue(body), message.getMediaType(), message.isValid());
        changed.setEncodings(message.getEncodings());
        return copy(request, params(request), changed);
    }

    /** A JSON value as Tcases' encoders write it again. */
    @SuppressWarnings("unchecked")
    static DataValue<?> dataValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, DataValue<?>> properties = new LinkedHashMap<>();
            node.properties().forEach(property -> properties.put(property.getKey(), dataValue(property.getValue())));
            return new ObjectValue(properties);
        }
        if (node.isArray()) {
            List<DataValue<Object>> items = new ArrayList<>();
            node.values().forEach(item -> items.add((DataValue<Object>) dataValue(item)));
            return new ArrayValue<>(items);
        }
        if (node.isString()) {
            return new StringValue(node.stringValue());
        }
        if (node.isBoolean()) {
            return new BooleanValue(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return new LongValue(node.longValue());
        }
        if (node.isNumber()) {
            return new DecimalValue(node.decimalValue());
        }
        return new NullValue();
    }

    static RequestCase copy(RequestCase original, List<ParamData> params, MessageData body) {
        RequestCase copy = new RequestCase(original.getId());
        copy.setName(original.getName());
        copy.setServer((URI) original.getServer());
        copy.setVersion(original.getVersion());
        copy.setApi(original.getApi());
        copy.setPath(original.getPath());
        copy.setOperation(original.getOperation());
        copy.setParams(params);
        copy.setBody(body);
        copy.setInvalidInput(original.getInvalidInput());
        copy.setAuthDefs(original.getAuthDefs());
        copy.setAuthFailure(original.isAuthFailure());
        return copy;
    }
}
