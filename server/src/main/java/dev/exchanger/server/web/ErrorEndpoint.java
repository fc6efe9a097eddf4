package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorResponseDto;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a controller is reached (by the servlet container or a filter) are
 * answered in the same envelope as every other error.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ErrorResponseDto> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ApiException e = ApiException.ofStatus(status);
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(Envelopes.error(e, RequestIds.current(request)));
    }
}
