package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.BadInput;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the TCP stream at 0x7E delimiters and hands each frame to {@link FrameCodec#decode}; emits
 * {@link FrameResult}s, never throws. Bytes before a frame's opening 0x7E are {@link BadInput#OUTSIDE_FRAME};
 * more than {@code maxFrameBytes} without a closing 0x7E is {@link BadInput#OVERSIZED}, after which the frame
 * boundaries are lost: the rest of the input is discarded (the handler closes the connection).
 * {@code 7E 7E} is read as the end of nothing and the start of a frame.
 */
final class Jt808FrameDecoder extends ByteToMessageDecoder {

    private static final byte DELIMITER = 0x7E;

    private final int maxFrameBytes;
    private boolean discarding;

    Jt808FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (discarding) {
                in.skipBytes(in.readableBytes());
                return;
            }
            int start = in.indexOf(in.readerIndex(), in.writerIndex(), DELIMITER);
            if (start < 0) {
                out.add(bad(BadInput.OUTSIDE_FRAME, in, in.readableBytes(), "bytes outside a frame"));
                return;
            }
            if (start > in.readerIndex()) {
                out.add(bad(BadInput.OUTSIDE_FRAME, in, start - in.readerIndex(), "bytes before a frame's 0x7E"));
            }
            int end = in.indexOf(start + 1, in.writerIndex(), DELIMITER);
            if (end < 0) {
                if (in.readableBytes() > maxFrameBytes) {
                    out.add(bad(BadInput.OVERSIZED, in, maxFrameBytes, "no closing 0x7E within " + maxFrameBytes + " bytes"));
                    discarding = true;
                }
                return;
            }
            if (end == start + 1) {
                in.skipBytes(1);
                continue;
            }
            int length = end - start + 1;
            if (length > maxFrameBytes) {
                out.add(bad(BadInput.OVERSIZED, in, length, "frame of " + length + " bytes exceeds " + maxFrameBytes));
                discarding = true;
                continue;
            }
            byte[] raw = new byte[length];
            in.readBytes(raw);
            out.add(FrameCodec.decode(raw));
        }
    }

    private static FrameResult.BadFrame bad(BadInput reason, ByteBuf in, int length, String detail) {
        byte[] raw = new byte[length];
        in.readBytes(raw);
        return new FrameResult.BadFrame(reason, detail, null, raw);
    }
}
