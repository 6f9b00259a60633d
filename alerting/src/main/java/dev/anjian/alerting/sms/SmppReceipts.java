package dev.anjian.alerting.sms;

import java.util.function.Consumer;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives deliver_sm on the transceiver session: SMSC delivery receipts ({@code id:... stat:DELIVRD ...})
 * become {@link DeliveryReceipt}s for the listener; mobile-originated messages and unreadable receipts are
 * logged and acknowledged (refusing them would make the centre re-send them for ever).
 */
final class SmppReceipts implements MessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmppReceipts.class);
    private volatile Consumer<DeliveryReceipt> listener = r -> { };

    void listener(Consumer<DeliveryReceipt> listener) {
        this.listener = listener;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            LOG.info("ignoring a mobile-originated SMS from the SMSC (anjian does not take replies by SMS)");
            return;
        }
        try {
            org.jsmpp.bean.DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            listener.accept(new DeliveryReceipt(receipt.getId(), String.valueOf(receipt.getFinalStatus()),
                    SmppSmsProvider.epochMillis(receipt.getDoneDate())));
        } catch (InvalidDeliveryReceiptException e) {
            LOG.warn("unreadable SMSC delivery receipt, acknowledged and ignored: {}", e.getMessage());
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debug("alert_notification from the SMSC ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", 0x00000003);
    }
}
