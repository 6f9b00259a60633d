package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalRegister;

/** 0x0100 registration, 0x8100 its response and 0x0102 authentication, 2013 and 2019 layouts. */
final class RegistrationCodec {

    private RegistrationCodec() {
    }

    static TerminalRegister readRegister(ByteReader in, boolean v2019) {
        return new TerminalRegister(in.u16("province"), in.u16("city"),
                in.fixedText(v2019 ? 11 : 5, "maker id"),
                in.fixedText(v2019 ? 30 : 20, "terminal model"),
                in.fixedText(v2019 ? 30 : 7, "terminal id"),
                in.u8("plate colour"),
                in.restText());
    }

    static void writeRegister(ByteWriter out, TerminalRegister r, boolean v2019) {
        out.u16(r.provinceId()).u16(r.cityId())
                .fixedText(r.makerId(), v2019 ? 11 : 5)
                .fixedText(r.terminalModel(), v2019 ? 30 : 20)
                .fixedText(r.terminalId(), v2019 ? 30 : 7)
                .u8(r.plateColor())
                .text(r.plateNumber());
    }

    static RegisterResponse readRegisterResponse(ByteReader in) {
        return new RegisterResponse(in.u16("reply serial"), in.u8("result"), in.restText());
    }

    static void writeRegisterResponse(ByteWriter out, RegisterResponse r) {
        out.u16(r.replySerial()).u8(r.result()).text(r.authCode());
    }

    static TerminalAuth readAuth(ByteReader in, boolean v2019) {
        if (!v2019) {
            return new TerminalAuth(in.restText(), "", "");
        }
        int codeLength = in.u8("auth code length");
        return new TerminalAuth(in.fixedText(codeLength, "auth code"), in.fixedText(15, "IMEI"),
                in.fixedText(20, "software version"));
    }

    static void writeAuth(ByteWriter out, TerminalAuth r, boolean v2019) {
        if (!v2019) {
            out.text(r.authCode());
            return;
        }
        byte[] code = r.authCode().getBytes(ByteReader.GBK);
        out.u8(code.length).bytes(code).fixedText(r.imei(), 15).fixedText(r.softwareVersion(), 20);
    }
}
