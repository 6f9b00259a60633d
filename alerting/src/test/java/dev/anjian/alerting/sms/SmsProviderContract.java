package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.anjian.alerting.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SmsProvider} must do; each provider's test extends this. A send that reaches the
 * provider's endpoint is OK with a message id unique per SMS; a failure is a classified outcome, never
 * an exception; no secret (password, auth value) and no phone number appears in an outcome or a log
 * line; closing twice is harmless.
 */
abstract class SmsProviderContract {

    protected static final SmsMessage MESSAGE =
            new SmsMessage("E-HN-COAL-01.safety", "13800000101", "【安监】平顶山某煤矿 测试 编号A1b2c3d4");

    private SmsProvider provider;

    /** A provider whose endpoint is up. */
    protected abstract SmsProvider workingProvider();

    /** A provider whose endpoint cannot take the message right now. */
    protected abstract SmsProvider unreachableProvider();

    /** A provider with wrong credentials (it must fail without echoing them); null when it has none. */
    protected SmsProvider wrongCredentialsProvider() {
        return null;
    }

    /** The secrets the providers above are configured with. */
    protected List<String> secrets() {
        return List.of();
    }

    @AfterEach
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void hasAName() {
        provider = workingProvider();
        assertThat(provider.name()).isNotBlank();
    }

    @Test
    void aDeliveredSmsIsOkWithAMessageIdUniquePerSms() {
        provider = workingProvider();
        SendOutcome first = provider.send(MESSAGE);
        SendOutcome second = provider.send(MESSAGE);
        assertThat(first.kind()).isEqualTo(SendOutcome.Kind.OK);
        assertThat(second.kind()).isEqualTo(SendOutcome.Kind.OK);
        assertThat(first.providerMessageId()).isNotBlank().isNotEqualTo(second.providerMessageId());
    }

    @Test
    void anUnreachableEndpointIsAClassifiedOutcomeNotAnException() {
        provider = unreachableProvider();
        SendOutcome outcome = provider.send(MESSAGE);
        assertThat(outcome.kind()).isIn(SendOutcome.Kind.RETRYABLE, SendOutcome.Kind.FATAL);
        assertThat(outcome.reason()).isNotBlank().doesNotContain(MESSAGE.phone());
    }

    @Test
    void noSecretAndNoPhoneNumberAppearsInOutcomesOrLogs() {
        List<String> reasons = new ArrayList<>();
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            for (SmsProvider p : new SmsProvider[] {workingProvider(), unreachableProvider(), wrongCredentialsProvider()}) {
                if (p == null) {
                    continue;
                }
                try (p) {
                    SendOutcome outcome = p.send(MESSAGE);
                    reasons.add(String.valueOf(outcome.reason()) + " " + outcome.providerMessageId());
                }
            }
            lines = logs.lines();
        }
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(2);
        List<String> forbidden = new ArrayList<>(secrets());
        forbidden.add(MESSAGE.phone());
        for (String secret : forbidden) {
            assertThat(reasons).as("outcome reasons").noneMatch(r -> r.contains(secret));
            assertThat(lines).as("log lines").noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        provider = workingProvider();
        provider.send(MESSAGE);
        provider.close();
        assertThatCode(provider::close).doesNotThrowAnyException();
    }
}
