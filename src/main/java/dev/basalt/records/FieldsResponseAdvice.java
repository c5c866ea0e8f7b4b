package dev.basalt.records;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * PocketBase's generic {@code ?fields=} on every JSON response (its {@code Event.JSON} picker): an endpoint that
 * does not read {@code fields} itself (auth responses, collections, settings, ...) answers only the selected keys,
 * dotted paths reaching inside ({@code fields=token,record.email}); on an array each element is picked. Endpoints
 * that take {@code fields} as a parameter (record lists and views) apply it themselves, to the records.
 */
@ControllerAdvice
class FieldsResponseAdvice implements ResponseBodyAdvice<Object> {
    static final String PARAM = "fields";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        // error answers are never picked (PocketBase neither), nor answers of endpoints that read fields themselves
        return returnType.getMethod() != null && !returnType.getMethod().isAnnotationPresent(ExceptionHandler.class)
                && !readsFields(returnType);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet) || !MediaType.APPLICATION_JSON.includes(contentType)) {
            return body;
        }
        String fields = servlet.getServletRequest().getParameter(PARAM);
        if (fields == null || fields.isBlank()
                || (response instanceof ServletServerHttpResponse r && r.getServletResponse().getStatus() >= 400)) {
            return body;
        }
        FieldSelection selection = FieldSelection.parse(fields);
        if (body != null && !(body instanceof Map<?, ?>) && !(body instanceof List<?>)) {
            body = JSON.convertValue(body, Object.class); // records and other beans: as plain JSON, like PocketBase
        }
        if (body instanceof Map<?, ?> map) {
            return selection.apply((Map<String, Object>) map);
        }
        if (body instanceof List<?> list) {
            List<Object> picked = new ArrayList<>(list.size());
            for (Object item : list) {
                picked.add(item instanceof Map<?, ?> m ? selection.apply((Map<String, Object>) m) : item);
            }
            return picked;
        }
        return body;
    }

    private static boolean readsFields(MethodParameter returnType) {
        for (Parameter p : returnType.getMethod().getParameters()) {
            RequestParam param = p.getAnnotation(RequestParam.class);
            if (param != null && (PARAM.equals(param.value()) || PARAM.equals(param.name())
                    || (param.value().isEmpty() && param.name().isEmpty() && PARAM.equals(p.getName())))) {
                return true;
            }
        }
        return false;
    }
}
