package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes an {@link Outbound} as one escaped, delimited frame; the codec does the work. */
final class Jt808Encoder extends MessageToByteEncoder<Outbound> {

    @Override
    protected void encode(ChannelHandlerContext ctx, Outbound out, ByteBuf buf) {
        buf.writeBytes(FrameCodec.encode(out.header(), BodyCodec.encode(out.message(), out.header().version2019())));
    }
}
