package dev.anjian.alerting.sms;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The providers {@code sms.provider} may name: {@code log} (demo file), {@code smpp}, {@code http}. */
public final class SmsProviders {

    public static final List<String> NAMES = List.of(LogFileSmsProvider.NAME, SmppSmsProvider.NAME, HttpSmsProvider.NAME);

    private SmsProviders() {
    }

    public static SmsProvider create(String name, Path logFile, SmppSettings smpp, HttpSmsSettings http, Clock clock) {
        return switch (name) {
            case LogFileSmsProvider.NAME -> new LogFileSmsProvider(logFile, clock);
            case SmppSmsProvider.NAME -> new SmppSmsProvider(smpp);
            case HttpSmsProvider.NAME -> new HttpSmsProvider(http);
            default -> throw new IllegalArgumentException("unknown SMS provider '" + name + "', known: " + NAMES);
        };
    }
}
