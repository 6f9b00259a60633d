package dev.anjian.alerting.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.testing.TestSmsc;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.GSMSpecificFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP provider against a real SMPP centre (jsmpp's server side) on a loopback port. */
class SmppSmsProviderTest extends SmsProviderContract {

    private static final String PASSWORD = "s3cr3tpw";
    private TestSmsc smsc;

    @BeforeEach
    void startSmsc() throws IOException {
        smsc = new TestSmsc("anjian", PASSWORD).start();
    }

    @AfterEach
    void stopSmsc() throws IOException {
        smsc.close();
    }

    static SmppSettings settings(int port, String password) {
        return new SmppSettings("127.0.0.1", port, "anjian", password, "", "10690001", Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofMillis(200), 0, true);
    }

    @Override
    protected SmsProvider workingProvider() {
        return new SmppSmsProvider(settings(smsc.port(), PASSWORD));
    }

    @Override
    protected SmsProvider unreachableProvider() {
        try (ServerSocket free = new ServerSocket(0)) {
            return new SmppSmsProvider(settings(free.getLocalPort(), PASSWORD));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected SmsProvider wrongCredentialsProvider() {
        return new SmppSmsProvider(settings(smsc.port(), "wrongpw1"));
    }

    @Override
    protected List<String> secrets() {
        return List.of(PASSWORD, "wrongpw1");
    }

    @Test
    void submitsUcs2ToTheNumberFromTheServiceCode() {
        try (SmsProvider provider = workingProvider()) {
            assertThat(provider.send(MESSAGE).kind()).isEqualTo(SendOutcome.Kind.OK);
        }
        assertThat(smsc.submits()).singleElement().satisfies(submit -> {
            assertThat(submit.getDestAddress()).isEqualTo("13800000101");
            assertThat(submit.getSourceAddr()).isEqualTo("10690001");
            assertThat(Alphabet.parseDataCoding(submit.getDataCoding())).isEqualTo(Alphabet.ALPHA_UCS2);
            assertThat(GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass())).isFalse();
        });
        assertThat(smsc.received()).extracting(TestSmsc.Received::text).containsExactly(MESSAGE.text());
    }

    @Test
    void aLongTextIsConcatenatedAndArrivesWhole() {
        String text = "【安监】" + "平顶山某煤矿1201回采工作面T1甲烷浓度超限".repeat(8);
        SendOutcome outcome;
        try (SmsProvider provider = workingProvider()) {
            outcome = provider.send(new SmsMessage("c", "13800000101", text));
        }
        int parts = (text.length() + SmppSegments.PART_CHARS - 1) / SmppSegments.PART_CHARS;
        assertThat(parts).isEqualTo(3);
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.OK);
        assertThat(smsc.submits()).hasSize(parts).allSatisfy(s -> assertThat(GSMSpecificFeature.UDHI.containedIn(s.getEsmClass())).isTrue());
        assertThat(smsc.received()).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo(text);
            assertThat(r.parts()).isEqualTo(parts);
            assertThat(outcome.providerMessageId()).isEqualTo(String.join(",", r.messageIds()));
        });
    }

    @Test
    void throttlingIsRetryableAndTheNextSendGoesThrough() {
        smsc.throttleNext(1);
        try (SmsProvider provider = workingProvider()) {
            SendOutcome throttled = provider.send(MESSAGE);
            assertThat(throttled.kind()).isEqualTo(SendOutcome.Kind.RETRYABLE);
            assertThat(throttled.reason()).contains("ESME_RTHROTTLED");
            assertThat(provider.send(MESSAGE).kind()).isEqualTo(SendOutcome.Kind.OK);
        }
        assertThat(smsc.received()).hasSize(1);
    }

    @Test
    void rebindsAfterTheCentreWasDown() throws IOException {
        try (SmsProvider provider = workingProvider()) {
            assertThat(provider.send(MESSAGE).kind()).isEqualTo(SendOutcome.Kind.OK);
            smsc.stop();
            // The centre's sessions end asynchronously after stop(): under load one more submit may still be
            // served, so wait for the provider to see the centre gone rather than expect it at once.
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> provider.send(MESSAGE).kind() == SendOutcome.Kind.RETRYABLE);
            smsc.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> provider.send(MESSAGE).kind() == SendOutcome.Kind.OK);
        }
        assertThat(smsc.binds()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deliveryReceiptsReachTheListenerWithTheSubmittedId() {
        List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
        try (SmsProvider provider = workingProvider()) {
            provider.onReceipt(receipts::add);
            SendOutcome outcome = provider.send(MESSAGE);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !receipts.isEmpty());
            assertThat(receipts).singleElement().satisfies(r -> {
                assertThat(r.providerMessageId()).isEqualTo(outcome.providerMessageId());
                assertThat(r.status()).isEqualTo("DELIVRD");
            });
        }
    }

    @Test
    void aWrongPasswordIsRetryableAndNamesTheProblemNotThePassword() {
        try (SmsProvider provider = wrongCredentialsProvider()) {
            SendOutcome outcome = provider.send(MESSAGE);
            assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.RETRYABLE);
            assertThat(outcome.reason()).contains("cannot bind").doesNotContain("wrongpw1");
        }
    }
}
