package dev.exchanger.server.web;

/**
 * A generated success answer, {@code {"success": true, "data": ..., "requestId": ...}}, seen
 * through its setters; every generated {@code ...ResponseDto} but the error one implements it
 * (see {@code openapi-generator.yaml}), so {@link Envelopes} fills them all the same way.
 *
 * @param <T> the type of {@code data}
 */
public interface SuccessEnvelope<T> {

    void setSuccess(Boolean success);

    void setData(T data);

    void setRequestId(String requestId);
}
