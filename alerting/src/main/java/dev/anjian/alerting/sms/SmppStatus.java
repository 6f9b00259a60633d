package dev.anjian.alerting.sms;

import java.util.Map;
import org.jsmpp.SMPPConstant;

/**
 * What an SMPP command_status in a submit_sm_resp means for us: throttling, a full queue and system
 * errors are RETRYABLE (the centre will take the message later); anything about the message itself
 * (invalid destination, invalid length, rejected) is FATAL: sending it again cannot help.
 */
public final class SmppStatus {

    private static final Map<Integer, String> RETRYABLE = Map.of(
            SMPPConstant.STAT_ESME_RTHROTTLED, "ESME_RTHROTTLED (throttled)",
            SMPPConstant.STAT_ESME_RMSGQFUL, "ESME_RMSGQFUL (message queue full)",
            SMPPConstant.STAT_ESME_RSYSERR, "ESME_RSYSERR (system error)",
            SMPPConstant.STAT_ESME_RX_T_APPN, "ESME_RX_T_APPN (temporary application error)",
            SMPPConstant.STAT_ESME_RSUBMITFAIL, "ESME_RSUBMITFAIL (submit failed)",
            0x00000004, "ESME_RINVBNDSTS (not bound)");
    private static final Map<Integer, String> FATAL = Map.of(
            SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR (invalid destination address)",
            SMPPConstant.STAT_ESME_RINVMSGLEN, "ESME_RINVMSGLEN (invalid message length)",
            0x0000000A, "ESME_RINVSRCADR (invalid source address)",
            0x00000061, "ESME_RINVSCHED (invalid scheduled delivery time)",
            0x00000062, "ESME_RINVEXPIRY (invalid validity period)");

    private SmppStatus() {
    }

    public static SendOutcome classify(int commandStatus) {
        String hex = String.format("0x%08X", commandStatus);
        if (RETRYABLE.containsKey(commandStatus)) {
            return SendOutcome.retryable("submit_sm refused with " + RETRYABLE.get(commandStatus) + " " + hex);
        }
        return SendOutcome.fatal("submit_sm refused with " + FATAL.getOrDefault(commandStatus, "command_status") + " " + hex);
    }
}
