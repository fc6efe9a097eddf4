package dev.exchanger.server.testing;

import static org.assertj.core.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.mockmvc.OpenApiValidationMatchers;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Checks traffic against the spec from the spec jar ({@code openapi.yaml} at the classpath root).
 *
 * <ul>
 *   <li>{@link #REQUEST_AND_RESPONSE}: both sides, for well-formed JSON requests;</li>
 *   <li>{@link #RESPONSE_ONLY}: the response only, strictly, for requests the validator cannot read
 *       (bracket-notation forms: it takes every form field for an unknown query parameter) or that are
 *       wrong on purpose (a bad content type, a malformed body, a value outside the spec's schema),
 *       where the point is that the server's <em>answer</em> still keeps the contract.</li>
 * </ul>
 */
public final class SpecValidation {

    public static final String SPEC = "openapi.yaml";

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build();

    public static final ResultMatcher REQUEST_AND_RESPONSE = OpenApiValidationMatchers.openApi().isValid(VALIDATOR);

    public static final ResultMatcher RESPONSE_ONLY = result -> {
        ValidationReport report = validateResponse(result.getRequest(), result.getResponse());
        if (report.hasErrors()) {
            fail("The response breaks the spec:\n" + SimpleValidationReportFormat.getInstance().apply(report));
        }
    };

    private SpecValidation() {
    }

    /** The response of this request, validated against the operation the request was sent to. */
    public static ValidationReport validateResponse(MockHttpServletRequest request, MockHttpServletResponse response) {
        return VALIDATOR.validateResponse(request.getRequestURI(), Request.Method.valueOf(request.getMethod()),
                MockMvcResponse.of(response));
    }

    public static OpenApiInteractionValidator validator() {
        return VALIDATOR;
    }
}
