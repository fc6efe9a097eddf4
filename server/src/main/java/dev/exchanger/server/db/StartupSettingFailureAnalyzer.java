package dev.exchanger.server.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StartupSettingException} as Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class StartupSettingFailureAnalyzer extends AbstractFailureAnalyzer<StartupSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
