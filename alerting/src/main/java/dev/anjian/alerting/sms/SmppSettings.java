package dev.anjian.alerting.sms;

import java.time.Duration;

/**
 * How to reach an SMPP 3.4 centre (keys {@code sms.smpp.*} in {@code config/alerting.properties}).
 * {@link #toString()} never shows the password.
 */
public record SmppSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        String sourceAddress,
        Duration enquireLink,
        Duration responseTimeout,
        Duration rebindInterval,
        int maxPerSecond,
        boolean deliveryReceipts) {

    @Override
    public String toString() {
        return "SmppSettings[" + systemId + "@" + host + ":" + port + ", password " + (password.isEmpty() ? "empty" : "****")
                + ", source " + sourceAddress + ", enquire_link " + enquireLink.toSeconds() + "s, response timeout "
                + responseTimeout.toMillis() + "ms, rebind every " + rebindInterval.toSeconds() + "s, max " + maxPerSecond
                + "/s, receipts " + deliveryReceipts + "]";
    }
}
