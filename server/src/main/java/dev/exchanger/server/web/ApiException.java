package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorObjectDto;
import dev.exchanger.server.api.model.ErrorTypeDto;
import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.NotFound;
import dev.exchanger.server.support.Refusal;
import org.springframework.http.HttpStatus;

/**
 * An answer in the error envelope with an honest status: what HTTP itself refuses (the request's
 * shape, its key, its rate) and, through {@link #of(Refusal)}, every refusal of the domain. Its
 * code is one of {@link ErrorCode}'s; {@link Envelopes#error} writes it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final transient ErrorObjectDto object;

    public ApiException(ErrorCode code, String message) {
        this(code.status(), code, message, null);
    }

    private ApiException(HttpStatus status, ErrorCode code, String message, ErrorObjectDto object) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.object = object;
    }

    /** The answer to a refusal of the domain: its code from {@link ErrorCode}, its message, and the facts it names. */
    public static ApiException of(Refusal refusal) {
        ErrorCode code = ErrorCode.of(refusal);
        return new ApiException(code.status(), code, refusal.getMessage(), object(refusal));
    }

    private static ErrorObjectDto object(Refusal refusal) {
        if (refusal instanceof InvalidParam invalid) {
            return new ErrorObjectDto().type(invalid.type()).nameField(invalid.nameField()).fieldId(invalid.fieldId())
                    .err(invalid.err() == null ? null : ErrorObjectDto.ErrEnum.fromValue(invalid.err().wireName()));
        }
        if (refusal instanceof NotFound notFound) {
            String param = notFound.what().param();
            return param == null ? null : new ErrorObjectDto().type(param).nameField(param).err(ErrorObjectDto.ErrEnum.UNKNOWN);
        }
        String param = ((Conflict) refusal).param();
        return param == null ? null : new ErrorObjectDto().type(param).nameField(param).err(ErrorObjectDto.ErrEnum.DUPLICATE);
    }

    public static ApiException malformed(String message) {
        return new ApiException(ErrorCode.MALFORMED, message);
    }

    /** What Spring Security's firewall refuses, in the URL or in a header value. */
    public static ApiException rejectedRequest() {
        return malformed("The request URL or a header has characters that are not accepted");
    }

    /** What the servlet container answered {@code status} to, before or without a controller. */
    static ApiException ofStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new ApiException(ErrorCode.NO_SUCH_PATH, "Not found");
            case CONTENT_TOO_LARGE -> new ApiException(ErrorCode.TOO_LARGE, "Request body is too large");
            case METHOD_NOT_ALLOWED -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
            default -> badRequest(status);
        };
    }

    /** Any other refusal of the container: {@code Bad request} with its own 4xx status, or an internal error. */
    static ApiException badRequest(HttpStatus status) {
        return status.is4xxClientError()
                ? new ApiException(status, ErrorCode.MALFORMED, "Bad request", null)
                : internalError();
    }

    static ApiException internalError() {
        return new ApiException(ErrorCode.INTERNAL, "Internal error");
    }

    public static ApiException unauthorized() {
        return new ApiException(ErrorCode.UNAUTHORIZED, "A valid X-Api-Key is required");
    }

    /**
     * A refusal on {@code /admin} of a server with no operator's key: the same status and code,
     * saying why; {@code property} is the setting that holds the key.
     */
    public static ApiException operatorKeyNotConfigured(ApiException refusal, String property) {
        return new ApiException(refusal.status, refusal.code,
                "The operator's API is switched off on this server: no operator key is configured. Start it with "
                        + property + " (environment EXCHANGER_ADMIN_API_KEY) set, and send that key in X-Api-Key",
                null);
    }

    public static ApiException forbidden() {
        return forbidden("This API key may not use this operation");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    /** Over a rate limit: {@code message} says which, and when to retry. */
    public static ApiException rateLimited(String message) {
        return new ApiException(ErrorCode.RATE_LIMITED, message);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorTypeDto errorType() {
        return code.type();
    }

    public int errorCode() {
        return code.code();
    }

    public ErrorObjectDto object() {
        return object;
    }
}
