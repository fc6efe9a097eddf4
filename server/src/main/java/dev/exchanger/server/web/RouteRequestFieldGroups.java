package dev.exchanger.server.web;

import dev.exchanger.server.api.model.RouteRequestDto;
import dev.exchanger.server.support.InvalidParam;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A route's body must carry its three field groups, as the spec requires: the generated
 * {@link RouteRequestDto} starts them as empty lists, so a group left out would silently remove
 * every field of that group from the route. This reads the body once before it is bound and
 * answers a missing group as 400 {@code required}; anything it cannot read is left to the
 * converter (and its own 400).
 */
@ControllerAdvice
class RouteRequestFieldGroups extends RequestBodyAdviceAdapter {

    static final List<String> GROUPS = List.of("fromValues", "toValues", "routeValues");

    private final JsonMapper jsonMapper;

    RouteRequestFieldGroups(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == RouteRequestDto.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = message.getBody().readAllBytes();
        JsonNode tree = null;
        try {
            tree = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            // malformed: the converter reads it again and answers 400
        }
        if (tree != null && tree.isObject()) {
            for (String group : GROUPS) {
                if (!tree.has(group)) {
                    throw InvalidParam.param(group, InvalidParam.Err.REQUIRED,
                            "send every field group, [] for none (a group left out would remove its fields)");
                }
            }
        }
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
