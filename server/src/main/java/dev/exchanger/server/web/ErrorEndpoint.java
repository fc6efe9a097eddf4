package dev.exchanger.server.web;

import dev.exchanger.server.api.model.ErrorResponseDto;
import dev.exchanger.server.api.model.ErrorTypeDto;
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
        ApiException e = switch (status) {
            case NOT_FOUND -> new ApiException(status, ErrorTypeDto.NOT_FOUND_ERROR, 2000, "Not found", null);
            case CONTENT_TOO_LARGE -> new ApiException(status, ErrorTypeDto.PAYLOAD_TOO_LARGE_ERROR, 1004, "Request body is too large", null);
            case METHOD_NOT_ALLOWED -> new ApiException(status, ErrorTypeDto.METHOD_NOT_ALLOWED_ERROR, 1005, "Method not allowed", null);
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(status, ErrorTypeDto.UNSUPPORTED_MEDIA_TYPE_ERROR, 1003, "Unsupported media type", null);
            default -> status.is4xxClientError()
                    ? new ApiException(status, ErrorTypeDto.VALIDATION_ERROR, 1000, "Bad request", null)
                    : ApiErrors.internalError();
        };
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(ApiErrors.body(e, RequestIds.current(request)));
    }
}
