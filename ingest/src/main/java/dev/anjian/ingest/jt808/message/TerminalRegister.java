package dev.anjian.ingest.jt808.message;

/**
 * 0x0100 terminal registration. 2013: province WORD, city/county WORD, maker BYTE[5], model BYTE[20],
 * terminal id BYTE[7], plate colour BYTE, plate STRING (GBK; the VIN when the colour is 0). 2019 widens
 * maker to BYTE[11], model and terminal id to BYTE[30].
 */
public record TerminalRegister(int provinceId, int cityId, String makerId, String terminalModel, String terminalId,
        int plateColor, String plateNumber) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.REGISTER;
    }
}
