package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorDto;
import dev.exchanger.server.api.model.ErrorResponseDto;

/**
 * Builds every answer's envelope: {@code {"success": true, "data": ..., "requestId": ...}} and
 * {@code {"success": false, "error": {...}, "requestId": ...}}, the request id being the one this
 * request is logged and answered under.
 */
public final class Envelopes {

    private Envelopes() {
    }

    /** Fills {@code envelope} (a new generated {@code ...ResponseDto}) with {@code data}. */
    public static <T, E extends SuccessEnvelope<T>> E success(E envelope, T data) {
        envelope.setSuccess(true);
        envelope.setData(data);
        envelope.setRequestId(RequestIds.current());
        return envelope;
    }

    /** The error envelope of {@code e}, answered under {@code requestId}. */
    public static ErrorResponseDto error(ApiException e, String requestId) {
        ErrorDto error = new ErrorDto().message(e.getMessage()).errorType(e.errorType()).errorCode(e.errorCode())._object(e.object());
        return new ErrorResponseDto().success(false).error(error).requestId(requestId);
    }
}
