package dev.anjian.ingest.jt808.bench;

import dev.anjian.ingest.jt808.codec.BodyCodec;
import dev.anjian.ingest.jt808.codec.Decoded;
import dev.anjian.ingest.jt808.codec.FrameCodec;
import dev.anjian.ingest.jt808.codec.FrameResult;
import dev.anjian.ingest.jt808.codec.Golden;
import dev.anjian.ingest.jt808.codec.Header;
import dev.anjian.ingest.jt808.message.LocationReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: decode and encode of 0x0200 frames (a plain 2019 report and the 2013 report with every item).
 * Not run by Surefire or Failsafe; see BENCHMARKS.md for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private final byte[] plain = Golden.bytes(Golden.LOC_2019_SW);
    private final byte[] allItems = Golden.bytes(Golden.LOC_2013_ALL_ITEMS);
    private final LocationReport allItemsReport = decode(allItems);
    private final Header header = Header.of(0x0200, "13800000001", 1, false);

    @Benchmark
    public LocationReport decodePlain2019() {
        return decode(plain);
    }

    @Benchmark
    public LocationReport decodeAllItems2013() {
        return decode(allItems);
    }

    @Benchmark
    public byte[] encodeAllItems2013() {
        return FrameCodec.encode(header, BodyCodec.encode(allItemsReport, false));
    }

    private static LocationReport decode(byte[] raw) {
        FrameResult.Frame frame = (FrameResult.Frame) FrameCodec.decode(raw);
        return (LocationReport) ((Decoded.Message) BodyCodec.decode(frame.header(), frame.body())).message();
    }
}
