package dev.anjian.alerting.sms;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The providers {@code sms.provider} may name; SMPP and HTTP come with the escalation issue. */
public final class SmsProviders {

    public static final List<String> NAMES = List.of(LogFileSmsProvider.NAME);

    private SmsProviders() {
    }

    public static SmsProvider create(String name, Path logFile, Clock clock) {
        if (name.equals(LogFileSmsProvider.NAME)) {
            return new LogFileSmsProvider(logFile, clock);
        }
        throw new IllegalArgumentException("unknown SMS provider '" + name + "', known: " + NAMES);
    }
}
