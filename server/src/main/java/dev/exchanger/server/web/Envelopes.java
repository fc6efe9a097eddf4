package dev.exchanger.server.web;

/**
 * Builds every success answer: {@code {"success": true, "data": ..., "requestId": ...}}, the
 * request id being the one this request is logged and answered under.
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
}
