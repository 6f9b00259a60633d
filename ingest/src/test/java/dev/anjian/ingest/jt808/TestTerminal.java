package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.message.Jt808Message;
import dev.anjian.ingest.jt808.message.PlatformResponse;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalAuth;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

/** A JT/T 808 terminal over a real TCP socket, blocking, for tests: send messages, read the platform's frames. */
final class TestTerminal implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final String phone;
    private final boolean v2019;
    private int serial;

    TestTerminal(int port, String phone, boolean v2019) {
        this.phone = phone;
        this.v2019 = v2019;
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers and authenticates; returns the auth code. */
    String login(String plate) {
        int s = send(new TerminalRegister(41, 100, "HNZZ1", "SIM", "T000001", 2, plate));
        RegisterResponse registered = (RegisterResponse) receive().message();
        if (registered.replySerial() != s || registered.result() != RegisterResponse.OK) {
            throw new AssertionError("registration refused: " + registered);
        }
        expectOk(send(new TerminalAuth(registered.authCode(), "860000000000001", "1.0")));
        return registered.authCode();
    }

    int send(Jt808Message message) {
        int s = serial++;
        sendRaw(Frames.frame(message, phone, s, v2019));
        return s;
    }

    void sendRaw(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame from the platform (blocks up to 10 s). */
    Decoded.Message receive() {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != 0x7E) {
                if (b < 0) {
                    throw new IOException("connection closed by the gateway");
                }
            }
            frame.write(b);
            while ((b = in.read()) != 0x7E) {
                if (b < 0) {
                    throw new IOException("connection closed inside a frame");
                }
                frame.write(b);
            }
            frame.write(b);
            return Frames.decode(frame.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void expectOk(int serialSent) {
        PlatformResponse r = (PlatformResponse) receive().message();
        if (r.replySerial() != serialSent || r.result() != PlatformResponse.OK) {
            throw new AssertionError("expected 0x8001 OK for serial " + serialSent + ", got " + r);
        }
    }

    /** True once the gateway closed the connection (read returns end of stream). */
    boolean closedByGateway() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
