package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.NotFound;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Every refusal of the domain is answered with its own code, and no two errors share one. */
class ErrorCodeTest {

    @Test
    void eachErrorHasItsOwnCode() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void eachThingNotFoundIsA404WithItsOwnCode() {
        assertThat(Arrays.stream(NotFound.What.values()).map(what -> ErrorCode.of(new NotFound(what))))
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(ErrorCode.of(NotFound.order()).code()).isEqualTo(2001);
        assertThat(ErrorCode.of(NotFound.route()).code()).isEqualTo(2002);
    }

    @Test
    void anAmountIsToldApartFromAnyOtherParameter() {
        assertThat(ErrorCode.of(InvalidParam.amount(InvalidParam.Err.MIN, "the minimum is 1")).code()).isEqualTo(1002);
        assertThat(ErrorCode.of(InvalidParam.param("amount", InvalidParam.Err.MIN)).code()).isEqualTo(1001);
    }

    @Test
    void conflictsAre409sWithTheirOwnCodes() {
        assertThat(ErrorCode.of(Conflict.illegalStatusChange("new", "success")))
                .isEqualTo(ErrorCode.ILLEGAL_STATUS_CHANGE).extracting(ErrorCode::code).isEqualTo(3001);
        assertThat(ErrorCode.of(Conflict.keyReused("Idempotency-Key")).code()).isEqualTo(3002);
        assertThat(ErrorCode.of(Conflict.alreadyExists("xml", "taken")).code()).isEqualTo(3003);
    }

    @Test
    void aRefusalsFactsBecomeTheErrorObject() {
        ApiException answer = ApiException.of(InvalidParam.of("toValues", "k1", "wallet", InvalidParam.Err.REGEXP));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getMessage()).isEqualTo("Param toValues isn't valid: wallet");
        assertThat(answer.object().getType()).isEqualTo("toValues");
        assertThat(answer.object().getFieldId()).isEqualTo("k1");
        assertThat(answer.object().getNameField()).isEqualTo("wallet");
        assertThat(answer.object().getErr().getValue()).isEqualTo("regexp");
        assertThat(ApiException.of(NotFound.order()).object()).isNull();
        assertThat(ApiException.of(NotFound.route()).object().getType()).isEqualTo("routeId");
    }
}
