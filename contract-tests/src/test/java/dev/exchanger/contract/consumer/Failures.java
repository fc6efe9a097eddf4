package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.API_KEY_CHALLENGE;
import static dev.exchanger.contract.consumer.ConsumerClients.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.ErrorType;

/** How the client sees the failures of {@link Bodies}: status, error type and stable code. */
final class Failures {

    private Failures() {
    }

    static void assertValidationError(ApiException e, String nameField) {
        assertThat(e.getCode()).isEqualTo(400);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.VALIDATION_ERROR);
        assertThat(envelope(e).getError().getObject().getNameField()).isEqualTo(nameField);
    }

    /** A 401 also tells the client where the key goes. */
    static void assertUnauthorized(ApiException e) {
        assertThat(e.getCode()).isEqualTo(401);
        assertThat(e.getResponseHeaders().firstValue("WWW-Authenticate")).hasValue(API_KEY_CHALLENGE);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.AUTHENTICATION_ERROR);
        assertThat(envelope(e).getError().getErrorCode()).isEqualTo(4001);
    }

    static void assertForbidden(ApiException e) {
        assertThat(e.getCode()).isEqualTo(403);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.FORBIDDEN_ERROR);
        assertThat(envelope(e).getError().getErrorCode()).isEqualTo(4003);
    }

    static void assertNotFound(ApiException e, int code) {
        assertThat(e.getCode()).isEqualTo(404);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.NOT_FOUND_ERROR);
        assertThat(envelope(e).getError().getErrorCode()).isEqualTo(code);
    }

    static void assertOrderNotFound(ApiException e) {
        assertNotFound(e, 2001);
    }

    static void assertRouteNotFound(ApiException e) {
        assertNotFound(e, 2002);
    }

    /** A conflict with the state of things: 3001 a status change the table does not allow, 3002 a reused Idempotency-Key. */
    static void assertConflict(ApiException e, int code) {
        assertThat(e.getCode()).isEqualTo(409);
        assertThat(envelope(e).getError().getErrorType()).isEqualTo(ErrorType.CONFLICT_ERROR);
        assertThat(envelope(e).getError().getErrorCode()).isEqualTo(code);
    }

    /** Another currency or route already has the value of this field (3003). */
    static void assertAlreadyExists(ApiException e, String nameField) {
        assertConflict(e, 3003);
        assertThat(envelope(e).getError().getObject().getNameField()).isEqualTo(nameField);
    }
}
