package dev.exchanger.server.support.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second line of defence behind "never log a secret": masks whatever in a log line looks
 * like one of our secrets or keys, should a message or an exception text ever carry one. A
 * partner key ({@code exk_} and 40 characters) keeps the prefix the operator's views show; an
 * order secret in a hosted page's path, and any value given for a name such as
 * {@code ipnSecret}, {@code orderSecret}, {@code secret}, {@code X-Api-Key} or {@code password},
 * becomes {@code ****}.
 */
public final class LogScrubber {

    static final String MASK = "****";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\b(exk_[0-9A-Za-z]{6})[0-9A-Za-z]{34}\\b"), "$1" + MASK),
            new Rule(Pattern.compile("\\b(whsec_)[A-Za-z0-9+/=]{8,}"), "$1" + MASK),
            new Rule(Pattern.compile("(/(?:payment|order)/\\d+/)[0-9A-Za-z]{24}\\b"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)\\b((?:ipn_?secret|order_?secret|secret_?hash|secret|(?:x-)?api[-_]?key|password)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;)}\\]]+"), "$1" + MASK));

    private static final Pattern CANDIDATE = Pattern.compile("(?i)exk_|whsec_|/payment/|/order/|secret|api[-_]?key|password");

    private LogScrubber() {
    }

    public static String scrub(String line) {
        if (line == null || line.isEmpty() || !CANDIDATE.matcher(line).find()) {
            return line;
        }
        String scrubbed = line;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(scrubbed);
            if (matcher.find()) {
                scrubbed = matcher.replaceAll(rule.replacement());
            }
        }
        return scrubbed;
    }
}
