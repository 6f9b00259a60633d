package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.LocationBatch;
import dev.anjian.ingest.jt808.message.LocationReport;
import dev.anjian.ingest.jt808.message.MessageIds;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.ResendRequest;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalHeartbeat;
import dev.anjian.ingest.jt808.message.TerminalLogout;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import dev.anjian.ingest.jt808.message.TerminalResponse;
import dev.anjian.ingest.jt808.message.TimeQuery;
import dev.anjian.ingest.jt808.message.TimeQueryResponse;

/**
 * Message bodies as pure functions: {@link #decode} a checked frame's body by its message id, {@link #encode}
 * a message for a 2013 or 2019 header. Both directions for every message, so the terminal simulator and the
 * tests use the same tables as the gateway.
 */
public final class BodyCodec {

    private BodyCodec() {
    }

    /** Never throws: a body that does not fit is {@link Decoded.Rejected} with the field that failed. */
    public static Decoded decode(Header header, byte[] body) {
        if (header.encryption() != 0) {
            return new Decoded.Rejected(header, BadInput.UNSUPPORTED_MESSAGE, "encrypted body (attributes encryption "
                    + header.encryption() + ") is not supported");
        }
        try {
            Jt808Message message = read(header, new ByteReader(body));
            return message == null
                    ? new Decoded.Rejected(header, BadInput.UNSUPPORTED_MESSAGE,
                            "message id " + MessageIds.hex(header.messageId()) + " is not supported")
                    : new Decoded.Message(header, message);
        } catch (MalformedException e) {
            return new Decoded.Rejected(header, BadInput.MALFORMED_BODY,
                    MessageIds.hex(header.messageId()) + ": " + e.getMessage());
        }
    }

    private static Jt808Message read(Header h, ByteReader in) {
        boolean v2019 = h.version2019();
        return switch (h.messageId()) {
            case MessageIds.TERMINAL_RESPONSE -> new TerminalResponse(in.u16("reply serial"), in.u16("reply id"), in.u8("result"));
            case MessageIds.PLATFORM_RESPONSE -> new PlatformResponse(in.u16("reply serial"), in.u16("reply id"), in.u8("result"));
            case MessageIds.HEARTBEAT -> new TerminalHeartbeat();
            case MessageIds.LOGOUT -> new TerminalLogout();
            case MessageIds.TIME_QUERY -> new TimeQuery();
            case MessageIds.TIME_QUERY_RESPONSE -> new TimeQueryResponse(Jt808Time.read(in, "time"));
            case MessageIds.REGISTER -> RegistrationCodec.readRegister(in, v2019);
            case MessageIds.REGISTER_RESPONSE -> RegistrationCodec.readRegisterResponse(in);
            case MessageIds.AUTH -> RegistrationCodec.readAuth(in, v2019);
            case MessageIds.LOCATION -> LocationCodec.read(in);
            case MessageIds.LOCATION_BATCH -> LocationCodec.readBatch(in);
            case MessageIds.RESEND_REQUEST -> readResendRequest(in);
            default -> null;
        };
    }

    public static byte[] encode(Jt808Message message, boolean version2019) {
        ByteWriter out = new ByteWriter(64);
        // Java 17 has no pattern switch: one instanceof per record of the sealed interface.
        if (message instanceof TerminalResponse r) {
            out.u16(r.replySerial()).u16(r.replyMessageId()).u8(r.result());
        } else if (message instanceof PlatformResponse r) {
            out.u16(r.replySerial()).u16(r.replyMessageId()).u8(r.result());
        } else if (message instanceof TimeQueryResponse r) {
            Jt808Time.write(out, r.timeGmt8());
        } else if (message instanceof TerminalRegister r) {
            RegistrationCodec.writeRegister(out, r, version2019);
        } else if (message instanceof RegisterResponse r) {
            RegistrationCodec.writeRegisterResponse(out, r);
        } else if (message instanceof TerminalAuth r) {
            RegistrationCodec.writeAuth(out, r, version2019);
        } else if (message instanceof LocationReport r) {
            LocationCodec.write(out, r);
        } else if (message instanceof LocationBatch r) {
            LocationCodec.writeBatch(out, r);
        } else if (message instanceof ResendRequest r) {
            out.u16(r.firstSerial()).u8(r.packetNumbers().size());
            r.packetNumbers().forEach(out::u16);
        } else if (!(message instanceof TerminalHeartbeat || message instanceof TerminalLogout
                || message instanceof TimeQuery)) {
            throw new IllegalArgumentException("no encoder for " + message);
        }
        return out.toByteArray();
    }

    private static ResendRequest readResendRequest(ByteReader in) {
        int firstSerial = in.u16("first packet serial");
        int count = in.u8("count");
        java.util.List<Integer> ids = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.u16("packet number"));
        }
        return new ResendRequest(firstSerial, ids);
    }
}
