package dev.anjian.alerting.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP 3.4 centre for tests, on jsmpp's server side, bound to 127.0.0.1 on a free port: checks the
 * bind password, answers submit_sm with message ids (or ESME_RTHROTTLED while told to throttle),
 * reassembles concatenated messages, and sends a DELIVRD receipt for each part. {@link #stop()} and
 * {@link #start()} simulate an outage on the same port.
 */
public final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

    /** One SMS as a phone would show it, reassembled from its parts. */
    public record Received(String phone, String text, int parts, List<String> messageIds) {
    }

    private final String systemId;
    private final String password;
    private final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> partial = new ConcurrentHashMap<>();
    private final Map<String, List<String>> partialIds = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicInteger throttle = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ExecutorService receipts = Executors.newSingleThreadExecutor();
    private volatile boolean sendReceipts = true;
    private volatile SMPPServerSessionListener listener;
    private volatile int port;
    private Thread acceptor;

    public TestSmsc(String systemId, String password) {
        this.systemId = systemId;
        this.password = password;
    }

    public synchronized TestSmsc start() throws IOException {
        ServerConnectionFactory loopback = new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int p) throws IOException {
                return listen(p, 0, 50);
            }

            @Override
            public ServerConnection listen(int p, int timeout) throws IOException {
                return listen(p, timeout, 50);
            }

            @Override
            public ServerConnection listen(int p, int timeout, int backlog) throws IOException {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), backlog);
                socket.setSoTimeout(timeout);
                port = socket.getLocalPort();
                return new ServerSocketConnection(socket);
            }
        };
        listener = new SMPPServerSessionListener(port, loopback);
        listener.setMessageReceiverListener(this);
        SMPPServerSessionListener current = listener;
        acceptor = new Thread(() -> acceptLoop(current), "test-smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void acceptLoop(SMPPServerSessionListener current) {
        while (true) {
            try {
                SMPPServerSession session = current.accept();
                sessions.add(session);
                BindRequest bind = session.waitForBind(5_000);
                if (bind.getSystemId().equals(systemId) && bind.getPassword().equals(password)) {
                    bind.accept("test-smsc");
                    binds.incrementAndGet();
                } else {
                    bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                }
            } catch (IOException | TimeoutException | IllegalStateException | org.jsmpp.PDUStringException e) {
                if (current != listener) {
                    return;
                }
            }
        }
    }

    /** Simulates an outage: the listener and every session close; sends get I/O errors or refusals. */
    public synchronized void stop() throws IOException {
        SMPPServerSessionListener old = listener;
        listener = null;
        if (old != null) {
            old.close();
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    public int port() {
        return port;
    }

    public int binds() {
        return binds.get();
    }

    /** The next {@code count} submit_sm are refused with ESME_RTHROTTLED. */
    public void throttleNext(int count) {
        throttle.set(count);
    }

    public void sendReceipts(boolean send) {
        this.sendReceipts = send;
    }

    public List<SubmitSm> submits() {
        return List.copyOf(submits);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        submits.add(submit);
        String id = Long.toHexString(ids.incrementAndGet());
        collect(submit, id);
        if (sendReceipts) {
            receipts.submit(() -> receipt(submit, id, source));
        }
        try {
            return new SubmitSmResult(new MessageId(id), null);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private synchronized void collect(SubmitSm submit, String id) {
        byte[] bytes = submit.getShortMessage();
        if (!GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass())) {
            received.add(new Received(submit.getDestAddress(), new String(bytes, StandardCharsets.UTF_16BE), 1, List.of(id)));
            return;
        }
        int headerLength = (bytes[0] & 0xff) + 1;
        int ref = bytes[3] & 0xff;
        int total = bytes[4] & 0xff;
        int seq = bytes[5] & 0xff;
        String key = submit.getDestAddress() + "/" + ref;
        List<String> parts = partial.computeIfAbsent(key, k -> new ArrayList<>(Arrays.asList(new String[total])));
        List<String> partIds = partialIds.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        parts.set(seq - 1, new String(bytes, headerLength, bytes.length - headerLength,
                StandardCharsets.UTF_16BE));
        partIds.add(id);
        if (parts.stream().allMatch(p -> p != null)) {
            partial.remove(key);
            partialIds.remove(key);
            received.add(new Received(submit.getDestAddress(), String.join("", parts), total, List.copyOf(partIds)));
        }
    }

    private void receipt(SubmitSm submit, String id, SMPPServerSession session) {
        try {
            DeliveryReceipt receipt = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD,
                    "000", "");
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getDestAddress(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // The session may be gone (outage test): a lost receipt is what a real centre does too.
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void close() throws IOException {
        stop();
        receipts.shutdownNow();
    }
}
