package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.JSON;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.V4Pact;

/** How the server answers an API request: a status and a JSON envelope, always with a JSON content type. */
final class Interactions {

    private Interactions() {
    }

    /** The pact of {@code request} answered with {@code status} and the JSON {@code body} (a success or an error envelope). */
    static V4Pact respond(PactDslRequestWithPath request, int status, DslPart body) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(body)
                .toPact(V4Pact.class);
    }
}
