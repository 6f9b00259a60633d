package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.ledger.LedgerException;
import dev.anjian.alerting.ledger.LedgerSink;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.alerting.sms.DeliveryReceipt;
import dev.anjian.events.Notification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records SMS-centre delivery receipts in the ledger: the notification sent as that message id is
 * re-written under its own key with {@code delivery} set (the compacted ledger keeps the final word).
 * Receipts arrive on the provider's thread ({@link #offer}) and are recorded on the poll thread
 * ({@link #drain}). A receipt may overtake the ledger record of its SMS: unmatched receipts are kept and
 * tried again for {@value #MATCH_WINDOW_MS} ms, then logged as unmatched.
 */
public final class ReceiptRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecorder.class);
    static final long MATCH_WINDOW_MS = 60_000;

    private record Waiting(DeliveryReceipt receipt, long since) {
    }

    private final Queue<DeliveryReceipt> arrived = new ConcurrentLinkedQueue<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private final NotificationHistory history;
    private final LedgerSink ledger;
    private final AlertingCounters counters;

    public ReceiptRecorder(NotificationHistory history, LedgerSink ledger, AlertingCounters counters) {
        this.history = history;
        this.ledger = ledger;
        this.counters = counters;
    }

    public void offer(DeliveryReceipt receipt) {
        arrived.add(receipt);
    }

    public void drain(long now) {
        for (DeliveryReceipt r; (r = arrived.poll()) != null; ) {
            waiting.add(new Waiting(r, now));
        }
        try {
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                if (record(w.receipt())) {
                    it.remove();
                } else if (now - w.since() > MATCH_WINDOW_MS) {
                    LOG.warn("delivery receipt {} for message {} matches no notification in the ledger",
                            w.receipt().status(), w.receipt().providerMessageId());
                    it.remove();
                }
            }
        } catch (LedgerException e) {
            LOG.warn("delivery receipts kept until the ledger is back: {}", e.getMessage());
        }
    }

    private boolean record(DeliveryReceipt receipt) {
        List<Notification> sent = history.byMessageId(receipt.providerMessageId());
        for (Notification n : sent) {
            if (!receipt.status().equals(n.delivery())) {
                Notification updated = n.withDelivery(receipt.status(), receipt.doneAt());
                ledger.record(updated);
                history.record(updated);
                LOG.info("notification {} to {}: delivery {}", n.ledgerKey(), n.recipientMasked(), receipt.status());
            }
        }
        if (!sent.isEmpty()) {
            counters.receipt(receipt.status());
        }
        return !sent.isEmpty();
    }

    public int waiting() {
        return waiting.size() + arrived.size();
    }
}
