package dev.anjian.alerting.sms;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 provider over jsmpp: binds as transceiver (submit and receive delivery receipts on one
 * session), keeps the link alive with enquire_link, re-binds when the session is lost (on the next send,
 * and every {@code rebindInterval} in the background so receipts keep flowing), keeps under the centre's
 * rate, concatenates long texts (see {@link SmppSegments}) and classifies command_status with
 * {@link SmppStatus}. Not bound, I/O errors and response timeouts are RETRYABLE. The password is never
 * logged nor put in a reason. The message id of a concatenated SMS is the parts' ids joined by commas.
 */
public final class SmppSmsProvider implements SmsProvider {

    public static final String NAME = "smpp";
    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsProvider.class);

    private final SmppSettings settings;
    private final Redaction redaction;
    private final Throttle throttle;
    private final AtomicInteger reference = new AtomicInteger();
    private final ScheduledExecutorService keeper;
    private final SmppReceipts receipts = new SmppReceipts();
    private SMPPSession session;
    private boolean closed;

    public SmppSmsProvider(SmppSettings settings) {
        this.settings = settings;
        this.redaction = new Redaction(settings.password());
        this.throttle = new Throttle(settings.maxPerSecond());
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-rebind");
            t.setDaemon(true);
            return t;
        });
        long every = settings.rebindInterval().toMillis();
        keeper.scheduleWithFixedDelay(this::keepBound, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onReceipt(Consumer<DeliveryReceipt> listener) {
        receipts.listener(listener);
    }

    @Override
    public synchronized SendOutcome send(SmsMessage message) {
        String notBound = bind();
        if (notBound != null) {
            return SendOutcome.retryable(notBound);
        }
        List<byte[]> parts;
        try {
            parts = SmppSegments.split(message.text(), reference.incrementAndGet());
        } catch (IllegalArgumentException e) {
            return SendOutcome.fatal(e.getMessage());
        }
        List<String> ids = new ArrayList<>();
        try {
            for (byte[] part : parts) {
                throttle.acquire();
                ids.add(submit(message.phone(), part, SmppSegments.concatenated(parts)));
            }
            return SendOutcome.ok(String.join(",", ids));
        } catch (NegativeResponseException e) {
            return SmppStatus.classify(e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return SendOutcome.retryable("no submit_sm_resp within " + settings.responseTimeout().toMillis() + " ms");
        } catch (PDUException e) {
            return SendOutcome.fatal("submit_sm not encodable: " + redaction.apply(e.getMessage()));
        } catch (InvalidResponseException | IOException e) {
            dropSession();
            return SendOutcome.retryable("SMPP link to " + endpoint() + " failed: " + redaction.apply(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retryable("interrupted while waiting for the SMSC rate limit");
        }
    }

    private String submit(String phone, byte[] part, boolean concatenated) throws PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                concatenated ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        RegisteredDelivery receipt = new RegisteredDelivery(settings.deliveryReceipts()
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                settings.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, phone, esm, (byte) 0,
                (byte) 1, null, null, receipt, (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false),
                (byte) 0, part).getMessageId();
    }

    /** Binds when not bound; returns null when bound, else why not (RETRYABLE). */
    private String bind() {
        if (closed) {
            return "SMPP provider closed";
        }
        if (session != null && session.getSessionState().isBound()) {
            return null;
        }
        dropSession();
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(receipts);
        fresh.addSessionStateListener((newState, oldState, source) ->
                LOG.info("SMPP session to {} {} -> {}", endpoint(), oldState, newState));
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            fresh.unbindAndClose();
            String reason = "cannot bind to SMSC " + endpoint() + " as '" + settings.systemId() + "': "
                    + redaction.apply(e.getMessage());
            LOG.warn("{}", reason);
            return reason;
        }
        session = fresh;
        LOG.info("SMPP bound to {} as '{}' (transceiver, enquire_link every {} s)", endpoint(), settings.systemId(),
                settings.enquireLink().toSeconds());
        return null;
    }

    private synchronized void keepBound() {
        if (session != null && !closed && !session.getSessionState().isBound()) {
            LOG.info("SMPP session to {} lost; re-binding", endpoint());
            bind();
        }
    }

    private void dropSession() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    private String endpoint() {
        return settings.host() + ":" + settings.port();
    }

    @Override
    public void close() {
        keeper.shutdownNow();
        synchronized (this) {
            closed = true;
            dropSession();
        }
    }

    /** For logs: when the centre says it delivered. */
    static long epochMillis(java.util.Date date) {
        return date == null ? Instant.now().toEpochMilli() : date.getTime();
    }
}
