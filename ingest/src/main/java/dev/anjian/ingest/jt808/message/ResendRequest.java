package dev.anjian.ingest.jt808.message;

import java.util.List;

/**
 * 0x8003 re-request of missing subpackages: serial of the first packet WORD, count BYTE, packet numbers
 * WORD each (2013 table 6 prints the count's offset as 4; it is 2).
 */
public record ResendRequest(int firstSerial, List<Integer> packetNumbers) implements Jt808Message {

    public ResendRequest {
        packetNumbers = List.copyOf(packetNumbers);
    }

    @Override
    public int messageId() {
        return MessageIds.RESEND_REQUEST;
    }
}
