package dev.exchanger.server.support;

/**
 * A request the domain refuses, saying why in its own terms: something named does not exist
 * ({@link NotFound}), a parameter is wrong ({@link InvalidParam}), or the request contradicts what
 * is stored ({@link Conflict}). Nothing is changed by a refused request. The API answers each
 * kind with its own status and error code (see {@code web.ErrorCode}); the message is the
 * answer's message as it is. No stack trace: a refusal is an answer, not a fault.
 */
public abstract sealed class Refusal extends RuntimeException permits NotFound, InvalidParam, Conflict {

    protected Refusal(String message) {
        super(message, null, false, false);
    }
}
