package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorObjectDto;
import dev.exchanger.server.api.model.ErrorTypeDto;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered in the error envelope with an honest status.
 * The factory methods are the error codes documented in the spec's {@code Error.errorCode}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorTypeDto errorType;
    private final int errorCode;
    private final transient ErrorObjectDto object;

    public ApiException(HttpStatus status, ErrorTypeDto errorType, int errorCode, String message, ErrorObjectDto object) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.object = object;
    }

    /**
     * A parameter failed validation: {@code Param toValues isn't valid: wallet}, or
     * {@code Param routeId isn't valid} where the parameter is its own name.
     */
    public static ApiException invalidParam(String type, String fieldId, String nameField, String err) {
        String message = "Param " + type + " isn't valid"
                + (nameField != null && !nameField.equals(type) ? ": " + nameField : "");
        ErrorObjectDto object = new ErrorObjectDto().type(type).nameField(nameField).fieldId(fieldId).err(ErrorObjectDto.ErrEnum.fromValue(err));
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1001, message, object);
    }

    public static ApiException amount(String err, String detail) {
        ErrorObjectDto object = new ErrorObjectDto().type("amount").nameField("amount").err(ErrorObjectDto.ErrEnum.fromValue(err));
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1002,
                "Param amount isn't valid: " + detail, object);
    }

    public static ApiException malformed(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1000, message, null);
    }

    /** What Spring Security's firewall refuses, in the URL or in a header value. */
    public static ApiException rejectedRequest() {
        return malformed("The request URL or a header has characters that are not accepted");
    }

    public static ApiException orderNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2001, "Order not found", null);
    }

    public static ApiException routeNotFound() {
        ErrorObjectDto object = new ErrorObjectDto().type("routeId").nameField("routeId").err(ErrorObjectDto.ErrEnum.UNKNOWN);
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2002, "Route not found", object);
    }

    /**
     * A parameter failed validation, with what is wrong: {@code Param reserve isn't valid: at most
     * 2 decimals}, or {@code Param toValues isn't valid: wallet (the example does not match the regexp)}
     * for a named part of it. Without {@code err} the object names the parameter only.
     */
    public static ApiException invalidParam(String type, String fieldId, String nameField, String err, String detail) {
        boolean named = nameField != null && !nameField.equals(type);
        String message = "Param " + type + " isn't valid" + (named ? ": " + nameField + " (" + detail + ")" : ": " + detail);
        ErrorObjectDto object = new ErrorObjectDto().type(type).nameField(nameField).fieldId(fieldId)
                .err(err == null ? null : ErrorObjectDto.ErrEnum.fromValue(err));
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypeDto.VALIDATION_ERROR, 1001, message, object);
    }

    public static ApiException currencyNotFound() {
        ErrorObjectDto object = new ErrorObjectDto().type("currencyId").nameField("currencyId").err(ErrorObjectDto.ErrEnum.UNKNOWN);
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2004, "Currency not found", object);
    }

    /** What the body describes already exists (a currency's xml code, a route's pair of currencies), named by {@code param}. */
    public static ApiException alreadyExists(String param, String message) {
        ErrorObjectDto object = new ErrorObjectDto().type(param).nameField(param).err(ErrorObjectDto.ErrEnum.DUPLICATE);
        return new ApiException(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3003, message, object);
    }

    public static ApiException illegalStatusChange(String from, String to) {
        return new ApiException(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3001,
                "Status change from " + from + " to " + to + " is not allowed", null);
    }

    /** An {@code Idempotency-Key} of the last 24 hours sent again with another request body. */
    public static ApiException idempotencyConflict() {
        ErrorObjectDto object = new ErrorObjectDto().type("Idempotency-Key").nameField("Idempotency-Key").err(ErrorObjectDto.ErrEnum.DUPLICATE);
        return new ApiException(HttpStatus.CONFLICT, ErrorTypeDto.CONFLICT_ERROR, 3002,
                "This Idempotency-Key was already used with another request body", object);
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, ErrorTypeDto.AUTHENTICATION_ERROR, 4001, "A valid X-Api-Key is required", null);
    }

    /** A refusal on {@code /admin} of a server with no operator's key: the same status and code, saying why. */
    public static ApiException operatorKeyNotConfigured(ApiException refusal) {
        return new ApiException(refusal.status(), refusal.errorType(), refusal.errorCode(),
                "The operator's API is switched off on this server: no operator key is configured. Start it with"
                        + " exchanger.admin.api-key (environment EXCHANGER_ADMIN_API_KEY) set, and send that key in X-Api-Key",
                null);
    }

    public static ApiException forbidden() {
        return forbidden("This API key may not use this operation");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, ErrorTypeDto.FORBIDDEN_ERROR, 4003, message, null);
    }

    /** Over a rate limit: {@code message} says which, and when to retry. */
    public static ApiException rateLimited(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorTypeDto.RATE_LIMIT_ERROR, 4029, message, null);
    }

    public static ApiException partnerNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2003, "Partner not found", null);
    }

    public static ApiException apiKeyNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2005, "API key not found", null);
    }

    public static ApiException ipnNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypeDto.NOT_FOUND_ERROR, 2006, "IPN not found", null);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorTypeDto errorType() {
        return errorType;
    }

    public int errorCode() {
        return errorCode;
    }

    public ErrorObjectDto object() {
        return object;
    }
}
