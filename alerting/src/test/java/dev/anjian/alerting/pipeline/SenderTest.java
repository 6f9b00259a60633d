package dev.anjian.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.events.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SenderTest {

    private static final SmsMessage SMS = new SmsMessage("E-HN-COAL-01.safety", "13800000101", "【安监】测试");
    private static final SendOutcome OK = SendOutcome.ok("m-1");
    private static final SendOutcome BUSY = SendOutcome.retryable("throttled");
    private static final SendOutcome BAD_NUMBER = SendOutcome.fatal("invalid destination");

    private final List<Duration> pauses = new ArrayList<>();

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of(List.of(OK), Notification.Result.SENT, 1, List.of(), null),
                Arguments.of(List.of(BUSY, OK), Notification.Result.SENT, 2, List.of(100L), null),
                Arguments.of(List.of(BUSY, BUSY, OK), Notification.Result.SENT, 3, List.of(100L, 200L), null),
                Arguments.of(List.of(BUSY, BUSY, BUSY), Notification.Result.FAILED, 3, List.of(100L, 200L),
                        "gave up after 3 attempts: throttled"),
                Arguments.of(List.of(BAD_NUMBER), Notification.Result.FAILED, 1, List.of(), "fatal: invalid destination"),
                Arguments.of(List.of(BUSY, BAD_NUMBER), Notification.Result.FAILED, 2, List.of(100L),
                        "fatal: invalid destination"));
    }

    @ParameterizedTest(name = "{0} -> {1} after {2}")
    @MethodSource("scripts")
    void retriesRetryableWithBackoffAndGivesUpOnFatal(List<SendOutcome> script, Notification.Result result,
            int attempts, List<Long> pausesMs, String error) {
        ScriptedProvider provider = new ScriptedProvider(script.toArray(SendOutcome[]::new));
        Delivery delivery = new Sender(provider, 3, Duration.ofMillis(100), pauses::add).deliver(SMS);

        assertThat(delivery.result()).isEqualTo(result);
        assertThat(delivery.attempts()).isEqualTo(attempts);
        assertThat(delivery.error()).isEqualTo(error);
        assertThat(delivery.providerMessageId()).isEqualTo(result == Notification.Result.SENT ? "m-1" : null);
        assertThat(pauses).extracting(Duration::toMillis).containsExactlyElementsOf(pausesMs);
        assertThat(provider.sent).hasSize(attempts).allMatch(SMS::equals);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        SendOutcome[] busy = new SendOutcome[8];
        Arrays.fill(busy, BUSY);
        new Sender(new ScriptedProvider(busy), 8, Duration.ofSeconds(2), pauses::add).deliver(SMS);
        assertThat(pauses).extracting(Duration::toSeconds).containsExactly(2L, 4L, 8L, 10L, 10L, 10L, 10L);
    }

    @Test
    void aProviderThatThrowsIsRetriedNotFatalToTheChain() {
        ScriptedProvider provider = new ScriptedProvider(null, OK);
        Delivery delivery = new Sender(provider, 3, Duration.ofMillis(100), pauses::add).deliver(SMS);
        assertThat(delivery.result()).isEqualTo(Notification.Result.SENT);
        assertThat(delivery.attempts()).isEqualTo(2);
    }

    @Test
    void anInterruptedBackoffIsRecordedAsFailedNotLost() {
        Sender sender = new Sender(new ScriptedProvider(BUSY, OK), 3, Duration.ofMillis(100), d -> {
            throw new InterruptedException("shutdown");
        });
        Delivery delivery = sender.deliver(SMS);
        assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
        assertThat(delivery.result()).isEqualTo(Notification.Result.FAILED);
        assertThat(delivery.error()).isEqualTo("interrupted while retrying: throttled");
    }
}
