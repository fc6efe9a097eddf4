package dev.exchanger.server.fuzz;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cornutum.tcases.openapi.resolver.ApiKeyDef;
import org.cornutum.tcases.openapi.resolver.AuthDef;
import org.cornutum.tcases.openapi.resolver.EncodingData;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.ParamDef;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.testwriter.RequestCaseUtils;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueText;
import org.cornutum.tcases.openapi.testwriter.encoder.FormUrlEncoder;
import org.cornutum.tcases.resolve.ArrayValue;
import org.cornutum.tcases.resolve.DataValue;
import org.cornutum.tcases.resolve.DateTimeValue;
import org.cornutum.tcases.resolve.ObjectValue;

/**
 * One HTTP request as the fuzzer sends it, rendered from a Tcases {@link RequestCase} with
 * Tcases' own encoders ({@link RequestCaseUtils#getQueryParameters},
 * {@link RequestCaseUtils#getPathParameterValue}, {@link RequestCaseUtils#getHeaderParameterValue},
 * {@link DataValueJson}, {@link FormUrlEncoder}, {@link DataValueText}).
 *
 * @param template    the spec's path, {@code /admin/orders/{orderUID}}
 * @param path        the path sent, its parameters filled in and URI-encoded
 * @param query       name/value pairs, already URI-encoded; a null value is sent as a bare name
 * @param headers     header parameters and credentials
 * @param contentType null when the request has no body
 */
record HttpCall(String method, String template, String path, List<Map.Entry<String, String>> query,
                Map<String, String> headers, String contentType, String body) {

    static final String FORM = "application/x-www-form-urlencoded";

    /**
     * Tcases 4.1.1 writes a valid {@code date-time} in UTC as {@code 2026-09-30T00:04:01.511Z00000}
     * (padded to the length of a {@code +00:00} offset), which no parser takes; such a value
     * is sent without the padding.
     */
    private static final Pattern PADDED_DATE_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z)0+$");

    /** How a form body renders its arrays and nested objects. */
    enum FormStyle {
        /**
         * The product's wire format, what merchant plug-ins send: {@code toValues[0][key]=...}
         * (every nested array or object flattened into bracketed names, empty ones left out,
         * then encoded by Tcases' {@link FormUrlEncoder}).
         */
        BRACKETS,
        /**
         * Tcases' own reading of the spec's {@code encoding: style: deepObject} for arrays of
         * objects, which OpenAPI 3.0 leaves undefined: {@code toValues=key,K,value,V} repeated.
         */
        TCASES
    }

    /**
     * @param apiKey what to send for each credential the case carries (Tcases leaves them out
     *               of the cases that test a missing one)
     */
    static HttpCall render(RequestCase request, FormStyle formStyle, String apiKey) {
        String path = request.getPath();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (ParamData given : request.getParams()) {
            ParamData param = unpadded(given);
            switch (param.getLocation()) {
                case PATH -> path = path.replace("{" + param.getName() + "}",
                        param.getValue() == null ? "" : uriSafe(RequestCaseUtils.getPathParameterValue(param, true)));
                case QUERY -> {
                    if (param.getValue() != null) { // else Tcases leaves this parameter out
                        for (Map.Entry<String, String> pair : RequestCaseUtils.getQueryParameters(param, true)) {
                            query.add(new SimpleEntry<>(uriSafe(pair.getKey()), pair.getValue() == null ? null : uriSafe(pair.getValue())));
                        }
                    }
                }
                case HEADER -> RequestCaseUtils.getHeaderParameterValue(param).ifPresent(value -> headers.put(param.getName(), value));
                default -> throw new IllegalStateException("The fuzzer sends no " + param.getLocation() + " parameters; found " + param);
            }
        }
        for (AuthDef auth : request.getAuthDefs()) {
            if (!(auth instanceof ApiKeyDef) || auth.getLocation() != ParamDef.Location.HEADER) {
                throw new IllegalStateException("The fuzzer sends only API keys in headers; found " + auth);
            }
            headers.put(auth.getName(), apiKey);
        }
        String contentType = null;
        String body = null;
        MessageData message = request.getBody();
        if (message != null && message.getMediaType() != null) {
            contentType = message.getMediaType();
            DataValue<?> value = message.getValue();
            if (value == null) {
                body = "";
            } else if (contentType.contains("json")) {
                body = DataValueJson.toJson(value);
            } else if (contentType.equals(FORM)) {
                body = form(value, message.getEncodings(), formStyle);
            } else if (contentType.startsWith("text/")) {
                body = DataValueText.toText(value);
            } else {
                body = DataValueJson.toJson(value); // a media type the operation does not take
            }
        }
        return new HttpCall(request.getOperation().toUpperCase(), request.getPath(), path, List.copyOf(query),
                Map.copyOf(headers), contentType, body);
    }

    private static ParamData unpadded(ParamData param) {
        if (param.isValid() && param.getValue() instanceof DateTimeValue dateTime) {
            Matcher padded = PADDED_DATE_TIME.matcher(dateTime.getValue());
            if (padded.matches()) {
                ParamData fixed = new ParamData(param.getName(), new DateTimeValue(padded.group(1)), param.getMediaType(), true);
                fixed.setLocation(param.getLocation());
                fixed.setStyle(param.getStyle());
                fixed.setExploded(param.isExploded());
                return fixed;
            }
        }
        return param;
    }

    /** The same request with one more header, or another value for it. */
    HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, template, path, query, Map.copyOf(more), contentType, body);
    }

    /** A path of the same operation with every parameter a {@code 1}: the validator needs only the operation to check an answer. */
    String operationPath() {
        return template.replaceAll("\\{[^}]+}", "1");
    }

    private static String form(DataValue<?> value, Map<String, EncodingData> encodings, FormStyle style) {
        DataValue<?> shaped = value;
        Map<String, EncodingData> shapedEncodings = encodings;
        if (style == FormStyle.BRACKETS && value instanceof ObjectValue object) {
            Map<String, DataValue<?>> flat = new LinkedHashMap<>();
            shapedEncodings = new LinkedHashMap<>();
            for (Map.Entry<String, DataValue<?>> property : object.getValue().entrySet()) {
                if (isEmptyContainer(property.getValue())) {
                    continue; // bracket notation has no empty list or object: a plug-in leaves the parameter out
                }
                if (isContainer(property.getValue())) {
                    flatten(property.getKey(), property.getValue(), flat);
                } else {
                    flat.put(property.getKey(), property.getValue());
                    if (encodings != null && encodings.containsKey(property.getKey())) {
                        shapedEncodings.put(property.getKey(), encodings.get(property.getKey()));
                    }
                }
            }
            shaped = new ObjectValue(flat);
        }
        return FormUrlEncoder.encode(shaped, shapedEncodings, true).stream()
                .map(pair -> pair.getValue() == null ? pair.getKey() : pair.getKey() + "=" + pair.getValue())
                .collect(Collectors.joining("&"));
    }

    private static boolean isContainer(DataValue<?> value) {
        return value instanceof ObjectValue || value instanceof ArrayValue<?>;
    }

    private static boolean isEmptyContainer(DataValue<?> value) {
        return (value instanceof ObjectValue o && o.getValue().isEmpty())
                || (value instanceof ArrayValue<?> a && a.getValue().isEmpty());
    }

    /**
     * {@code toValues: [{key: K}]} becomes {@code toValues[0][key]: K}. Empty lists and objects
     * are left out (the indexes of their siblings stay as they were); scalars and nulls are leaves.
     */
    private static void flatten(String name, DataValue<?> value, Map<String, DataValue<?>> into) {
        if (value instanceof ObjectValue object) {
            object.getValue().forEach((key, member) -> flatten(name + "[" + key + "]", member, into));
        } else if (value instanceof ArrayValue<?> array) {
            for (int i = 0; i < array.getValue().size(); i++) {
                flatten(name + "[" + i + "]", array.getValue().get(i), into);
            }
        } else {
            into.put(name, value);
        }
    }

    /**
     * Tcases encodes query values per RFC 3986, which leaves characters such as {@code [ ] |}
     * that {@link URI} refuses, and {@code +}, which a servlet container decodes as a space.
     * Those are percent-encoded here; everything else is sent as Tcases encoded it.
     */
    static String uriSafe(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (byte b : encoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c > 0x20 && c < 0x7f && "[]{}|\\^`<>\"# +".indexOf(c) < 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Whether a query parameter is sent with an empty value ({@code size=}), which Spring reads as absent. */
    boolean hasEmptyQueryValue() {
        return query.stream().anyMatch(pair -> pair.getValue() != null && pair.getValue().isEmpty());
    }

    String queryString() {
        return query.stream()
                .map(pair -> pair.getValue() == null ? pair.getKey() : pair.getKey() + "=" + pair.getValue())
                .collect(Collectors.joining("&"));
    }

    URI uri(String base) {
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + queryString()));
    }

    /** The query as a servlet container decodes it, for the validator. */
    Map<String, List<String>> decodedQuery() {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : query) {
            decoded.computeIfAbsent(decode(pair.getKey()), k -> new ArrayList<>())
                    .add(pair.getValue() == null ? "" : decode(pair.getValue()));
        }
        return decoded;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Whether a form body has no parameter of this name (bracket notation leaves out an empty list or object). */
    boolean formLeavesOut(String property) {
        if (!isForm() || body == null) {
            return false;
        }
        for (String pair : body.split("&")) {
            String name = decode(pair.split("=", 2)[0]);
            if (name.equals(property) || name.startsWith(property + "[")) {
                return false;
            }
        }
        return true;
    }

    boolean isForm() {
        return FORM.equals(contentType);
    }

    /** At most {@code max} characters, saying how many were left out. */
    static String clip(String s, int max) {
        if (s == null) {
            return "(none)";
        }
        return s.length() <= max ? s : s.substring(0, max) + "... (" + (s.length() - max) + " more characters)";
    }

    String describe(int maxBody) {
        StringBuilder s = new StringBuilder(method).append(' ').append(path);
        if (!query.isEmpty()) {
            s.append('?').append(queryString());
        }
        headers.forEach((name, value) -> s.append("\n      ").append(name).append(": ").append(value));
        if (contentType != null) {
            s.append("\n      Content-Type: ").append(contentType)
                    .append("\n      ").append(clip(body, maxBody));
        }
        return s.toString();
    }
}
