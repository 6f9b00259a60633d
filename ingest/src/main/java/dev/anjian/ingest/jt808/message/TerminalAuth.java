package dev.anjian.ingest.jt808.message;

/**
 * 0x0102 authentication. 2013: the auth code STRING is the whole body. 2019: code length BYTE, code,
 * IMEI BYTE[15], software version BYTE[20] (empty strings when the terminal spoke 2013).
 */
public record TerminalAuth(String authCode, String imei, String softwareVersion) implements Jt808Message {

    public TerminalAuth {
        imei = imei == null ? "" : imei;
        softwareVersion = softwareVersion == null ? "" : softwareVersion;
    }

    @Override
    public int messageId() {
        return MessageIds.AUTH;
    }
}
