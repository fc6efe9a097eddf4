package dev.exchanger.server.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@code application/x-www-form-urlencoded} body in bracket notation
 * ({@code toValues[0][key]=...&toValues[0][value]=...}, as merchant plug-ins send it) into
 * the same generated DTO that the JSON body binds to, so that one operation takes both.
 *
 * <p>Written here because neither Spring nor Jackson parses bracket notation into nested
 * objects: the form is parsed into a tree of maps, maps whose keys are all indexes become
 * lists, and Jackson converts the tree into the DTO (so {@code @Valid} and Jackson's
 * string-to-number coercion applies as for JSON). Spring's own
 * {@code FormHttpMessageConverter} keeps {@code MultiValueMap}.
 *
 * <p>A boolean is read as {@code true}/{@code false}, as PHP's {@code http_build_query} writes it
 * ({@code 1}/{@code 0}), and as a checked HTML checkbox sends it ({@code on}); anything else is
 * refused naming the field (see {@link FormBoolean}).
 */
public class BracketForm extends AbstractHttpMessageConverter<Object> {

    static final int MAX_DEPTH = 4;
    static final int MAX_INDEX = 255;

    private final JsonMapper jsonMapper;

    public BracketForm(JsonMapper jsonMapper) {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_FORM_URLENCODED);
        this.jsonMapper = jsonMapper.rebuild()
                .addModule(new SimpleModule("form-booleans")
                        .addDeserializer(Boolean.class, new FormBoolean())
                        .addDeserializer(Boolean.TYPE, new FormBoolean()))
                .build();
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return !MultiValueMap.class.isAssignableFrom(clazz) && !clazz.getName().startsWith("java.");
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        MediaType contentType = input.getHeaders().getContentType();
        Charset charset = contentType != null && contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        String body = StreamUtils.copyToString(input.getBody(), charset);
        Map<String, Object> tree;
        try {
            tree = parse(body, charset);
        } catch (MalformedFormException e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, input);
        }
        try {
            return jsonMapper.convertValue(tree, clazz);
        } catch (JacksonException e) {
            // a value that does not fit the DTO (amount=two, lang=de): bad input, as for JSON
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Object o, HttpOutputMessage output) throws HttpMessageNotWritableException {
        throw new HttpMessageNotWritableException("Bracket forms are read only");
    }

    /** Parses a form body into nested maps and lists; conflicting keys are a {@link MalformedFormException}. */
    static Map<String, Object> parse(String body, Charset charset) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return root;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            put(root, path(name), value);
        }
        if (!(listify(root) instanceof Map<?, ?>)) {
            throw new MalformedFormException("the form's parameters have no names, only indexes");
        }
        return root;
    }

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("bad percent-encoding in '" + s + "'");
        }
    }

    /** {@code a[0][key]} becomes [a, 0, key]; {@code a[]} becomes [a, ""] (append). */
    private static List<String> path(String name) {
        int open = name.indexOf('[');
        if (open < 0) {
            return List.of(name);
        }
        List<String> path = new ArrayList<>();
        path.add(name.substring(0, open));
        int i = open;
        while (i < name.length()) {
            if (name.charAt(i) != '[') {
                throw new MalformedFormException("bad bracket notation in '" + name + "'");
            }
            int close = name.indexOf(']', i);
            if (close < 0) {
                throw new MalformedFormException("unclosed bracket in '" + name + "'");
            }
            path.add(name.substring(i + 1, close));
            i = close + 1;
        }
        if (path.get(0).isEmpty() || path.size() > MAX_DEPTH + 1) {
            throw new MalformedFormException("bad bracket notation in '" + name + "'");
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            if (key.isEmpty()) {
                key = Integer.toString(node.size());
            }
            boolean last = i == path.size() - 1;
            Object existing = node.get(key);
            if (last) {
                if (existing != null) {
                    throw new MalformedFormException("parameter '" + String.join(".", path) + "' is given twice or conflicts with another");
                }
                node.put(key, value);
            } else if (existing == null) {
                Map<String, Object> child = new LinkedHashMap<>();
                node.put(key, child);
                node = child;
            } else if (existing instanceof Map<?, ?> map) {
                node = (Map<String, Object>) map;
            } else {
                throw new MalformedFormException("parameter '" + path.get(0) + "' conflicts with another of the same name");
            }
        }
    }

    /** Maps whose keys are all indexes become lists in index order. */
    @SuppressWarnings("unchecked")
    private static <T> T listify(Map<String, Object> map) {
        boolean indexed = !map.isEmpty();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> child) {
                entry.setValue(listify((Map<String, Object>) child));
            }
            indexed &= isIndex(entry.getKey());
        }
        if (!indexed) {
            return (T) map;
        }
        TreeMap<Integer, Object> ordered = new TreeMap<>();
        map.forEach((k, v) -> {
            if (ordered.put(Integer.parseInt(k), v) != null) {
                throw new MalformedFormException("index " + Integer.parseInt(k) + " is given twice");
            }
        });
        return (T) new ArrayList<>(ordered.values());
    }

    private static boolean isIndex(String key) {
        if (key.isEmpty() || key.length() > 3) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(key) <= MAX_INDEX;
    }

    /** A form field's boolean: {@code true}, {@code false}, {@code 1}, {@code 0} or {@code on}. */
    static final class FormBoolean extends StdScalarDeserializer<Boolean> {
        static final String ACCEPTED = "true, false, 1, 0 or on";

        FormBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            if (text != null) {
                switch (text) {
                    case "":
                        return null; // "agreement=" or a bare "agreement": not given
                    case "true", "1", "on":
                        return Boolean.TRUE;
                    case "false", "0":
                        return Boolean.FALSE;
                    default:
                        break;
                }
            }
            throw new StrictJson.RefusedValueException(p, "type", "a boolean is " + ACCEPTED);
        }
    }

    /** A form body that cannot be read as bracket notation. */
    public static class MalformedFormException extends RuntimeException {
        MalformedFormException(String message) {
            super(message, null, false, false);
        }
    }
}
