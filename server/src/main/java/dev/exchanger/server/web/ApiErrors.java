package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorResponseDto;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.InvalidParam.Err;
import dev.exchanger.server.support.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into the error envelope with an honest status; never a stack trace.
 * Validation failures name the parameter the way the existing clients read it:
 * {@code Param amount isn't valid}, with {@code error.object} saying which and how.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final Set<String> REQUIRED_CODES = Set.of("NotNull", "NotEmpty", "NotBlank");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponseDto> api(ApiException e) {
        return envelope(e);
    }

    /** A refusal of the domain, answered with its status and code from {@link ErrorCode}. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorResponseDto> refused(Refusal e) {
        return envelope(ApiException.of(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorResponseDto> invalidBody(MethodArgumentNotValidException e) {
        FieldError first = e.getBindingResult().getFieldErrors().stream()
                .min(Comparator.comparing(FieldError::getField))
                .orElse(null);
        if (first == null) {
            return envelope(ApiException.malformed("Request body isn't valid"));
        }
        String path = first.getField();
        String type = topLevel(path);
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        return envelope(InvalidParam.of(type, null, leaf.replaceAll("\\[\\d+]$", ""), err(first.getCode(), first.getRejectedValue())));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorResponseDto> invalidParameter(HandlerMethodValidationException e) {
        return e.getParameterValidationResults().stream()
                .findFirst()
                .map(result -> {
                    RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
                    String name = param != null && !param.value().isEmpty()
                            ? param.value() : result.getMethodParameter().getParameterName();
                    String code = result.getResolvableErrors().stream()
                            .map(resolvable -> resolvable.getCodes())
                            .filter(codes -> codes != null && codes.length > 0)
                            .map(codes -> codes[codes.length - 1])
                            .findFirst().orElse("Invalid");
                    return envelope(InvalidParam.param(name, err(code, result.getArgument())));
                })
                .orElseGet(() -> envelope(ApiException.malformed("Request isn't valid")));
    }

    /**
     * The generated interfaces are {@code @Validated}, so their parameter constraints are checked
     * by the method-validation proxy, which throws this rather than {@link HandlerMethodValidationException}.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorResponseDto> invalidArgument(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return envelope(ApiException.malformed("Request isn't valid"));
        }
        String name = wireName(first);
        String code = first.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return envelope(InvalidParam.param(name, err(code, first.getInvalidValue())));
    }

    /**
     * The name the caller sent the violating parameter under: a header's or query parameter's
     * own name ({@code Idempotency-Key}), not the Java parameter's ({@code idempotencyKey}).
     */
    private static String wireName(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            }
            leaf = node;
        }
        String name = leaf != null ? leaf.getName() : null;
        if (method == null || leaf.getKind() != ElementKind.PARAMETER || violation.getRootBeanClass() == null) {
            return name;
        }
        Method declared = ReflectionUtils.findMethod(ClassUtils.getUserClass(violation.getRootBeanClass()),
                method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
        if (declared == null) {
            return name;
        }
        MethodParameter parameter = new AnnotatedMethod(declared).getMethodParameters()[leaf.as(Path.ParameterNode.class).getParameterIndex()];
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return firstGiven(header.value(), header.name(), name);
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null ? firstGiven(param.value(), param.name(), name) : name;
    }

    private static String firstGiven(String value, String alias, String fallback) {
        return !value.isEmpty() ? value : !alias.isEmpty() ? alias : fallback;
    }

    /**
     * Spring Security's firewall checks header values when they are read: a control character
     * in one (say in {@code Idempotency-Key}) is refused here, once the controller asks for it.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ErrorResponseDto> rejected(RequestRejectedException e) {
        return envelope(ApiException.rejectedRequest());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponseDto> missingParameter(MissingServletRequestParameterException e) {
        return envelope(InvalidParam.param(e.getParameterName(), Err.REQUIRED));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponseDto> wrongParameterType(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == java.time.OffsetDateTime.class) {
            return envelope(InvalidParam.param(e.getName(), Err.TYPE, QueryDateTimes.ACCEPTED));
        }
        return envelope(InvalidParam.param(e.getName(), Err.TYPE));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponseDto> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                InvalidParam refused = refused(jackson);
                if (refused != null) {
                    return envelope(refused);
                }
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                List<JacksonException.Reference> path = jackson.getPath();
                String type = path.get(0).getPropertyName();
                String leaf = path.get(path.size() - 1).getPropertyName();
                if (type != null) {
                    return envelope(InvalidParam.of(type, null, leaf != null ? leaf : type, Err.TYPE));
                }
            }
        }
        String detail = e.getMostSpecificCause() instanceof BracketForm.MalformedFormException malformed
                ? ": " + malformed.getMessage() : "";
        return envelope(ApiException.malformed("Malformed request body" + detail));
    }

    /** A body {@link StrictJson} refuses: a key given twice, a control character, a list too long. */
    private static InvalidParam refused(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        String type = path.isEmpty() ? null : path.get(0).getPropertyName();
        String leaf = null;
        for (JacksonException.Reference reference : path) {
            leaf = reference.getPropertyName() != null ? reference.getPropertyName() : leaf;
        }
        if (e instanceof StrictJson.RefusedValueException refused && type != null) {
            return InvalidParam.of(type, null, leaf, Err.fromWireName(refused.err()), refused.detail());
        }
        String duplicate = StrictJson.duplicateKey(e);
        if (duplicate != null) {
            return InvalidParam.of(type != null ? type : duplicate, null, duplicate, Err.DUPLICATE, "given twice");
        }
        return null;
    }

    /**
     * Spring reads a form body back from the container's parameter map, and Tomcat refuses to
     * parse a form that is too large (a chunked one past {@code max-http-form-post-size}) or
     * malformed (bad percent-encoding) with this, carrying the HTTP status it means.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorResponseDto> unparsableForm(InvalidParameterException e) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return envelope(new ApiException(ErrorCode.TOO_LARGE, "Request body is too large"));
        }
        return envelope(ApiException.malformed("Malformed request body: the form cannot be parsed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponseDto> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String given = e.getContentType() != null ? "'" + e.getContentType() + "'" : "(none)";
        String supported = String.join(" or ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
        return envelope(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + given + " is not supported; use " + supported));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponseDto> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return envelope(new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorResponseDto> noSuchPath(NoResourceFoundException e) {
        return envelope(new ApiException(ErrorCode.NO_SUCH_PATH, "No such path: /" + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponseDto> fault(Exception e) {
        log.error("Request failed", e);
        return envelope(ApiException.internalError());
    }

    private static ResponseEntity<ErrorResponseDto> envelope(Refusal refusal) {
        return envelope(ApiException.of(refusal));
    }

    private static ResponseEntity<ErrorResponseDto> envelope(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(Envelopes.error(e, RequestIds.current()));
    }

    private static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static Err err(String code, Object rejected) {
        if (code == null || REQUIRED_CODES.contains(code) || rejected == null) {
            return Err.REQUIRED;
        }
        return switch (code) {
            case "Pattern" -> Err.FORMAT;
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> Err.MIN;
            case "Max", "DecimalMax" -> Err.MAX;
            case "Size" -> rejected instanceof CharSequence s && s.isEmpty() ? Err.MIN : Err.MAX;
            default -> Err.FORMAT;
        };
    }
}
