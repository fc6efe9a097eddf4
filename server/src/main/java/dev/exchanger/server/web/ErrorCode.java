package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorTypeDto;
import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.NotFound;
import dev.exchanger.server.support.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Every error the API answers, with its HTTP status, {@code errorType} and {@code errorCode} as
 * the spec documents them ({@code Error.errorCode}); the one table of them, and of which
 * {@link Refusal} of the domain is which.
 */
public enum ErrorCode {

    MALFORMED(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1000),
    INVALID_PARAM(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1001),
    INVALID_AMOUNT(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1002),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorTypeDto.UNSUPPORTED_MEDIA_TYPE_ERROR, 1003),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, ErrorTypeDto.PAYLOAD_TOO_LARGE_ERROR, 1004),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, ErrorTypeDto.METHOD_NOT_ALLOWED_ERROR, 1005),
    TOO_SLOW(HttpStatus.REQUEST_TIMEOUT, ErrorTypeDto.VALIDATION_ERROR, 1006),
    NO_SUCH_PATH(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2000),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2001),
    ROUTE_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2002),
    PARTNER_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2003),
    CURRENCY_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2004),
    API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2005),
    IPN_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2006),
    ILLEGAL_STATUS_CHANGE(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3001),
    KEY_REUSED(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3002),
    ALREADY_EXISTS(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3003),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, ErrorTypeDto.AUTHENTICATION_ERROR, 4001),
    FORBIDDEN(HttpStatus.FORBIDDEN, ErrorTypeDto.FORBIDDEN_ERROR, 4003),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, ErrorTypeDto.RATE_LIMIT_ERROR, 4029),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, ErrorTypeDto.INTERNAL_ERROR, 5000);

    private final HttpStatus status;
    private final ErrorTypeDto type;
    private final int code;

    ErrorCode(HttpStatus status, ErrorTypeDto type, int code) {
        this.status = status;
        this.type = type;
        this.code = code;
    }

    /** Which error a refusal of the domain is. */
    public static ErrorCode of(Refusal refusal) {
        if (refusal instanceof InvalidParam invalid) {
            return invalid instanceof InvalidParam.Amount ? INVALID_AMOUNT : INVALID_PARAM;
        }
        if (refusal instanceof NotFound notFound) {
            return switch (notFound.what()) {
                case ORDER -> ORDER_NOT_FOUND;
                case ROUTE -> ROUTE_NOT_FOUND;
                case PARTNER -> PARTNER_NOT_FOUND;
                case CURRENCY -> CURRENCY_NOT_FOUND;
                case API_KEY -> API_KEY_NOT_FOUND;
                case IPN -> IPN_NOT_FOUND;
            };
        }
        return switch (((Conflict) refusal).reason()) {
            case ILLEGAL_STATUS_CHANGE -> ILLEGAL_STATUS_CHANGE;
            case KEY_REUSED -> KEY_REUSED;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
        };
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorTypeDto type() {
        return type;
    }

    public int code() {
        return code;
    }
}
