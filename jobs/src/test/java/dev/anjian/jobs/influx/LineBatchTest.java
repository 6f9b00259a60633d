package dev.anjian.jobs.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Line protocol bytes as influxdb-java 2.25's Point wrote them: escaping, numbers, skipped parts, UTF-8. */
class LineBatchTest {

    @Test
    void doublesArePlainDecimalsAtFullPrecisionWithAFractionDigit() {
        assertThat(value(0.42)).isEqualTo("v=0.42");
        assertThat(value(1.0)).isEqualTo("v=1.0");
        assertThat(value(100)).isEqualTo("v=100.0");
        assertThat(value(-2.5)).isEqualTo("v=-2.5");
        assertThat(value(1e7)).isEqualTo("v=10000000.0");
        assertThat(value(1.5e-5)).isEqualTo("v=0.000015");
        assertThat(value(0.1 + 0.2)).isEqualTo("v=0.30000000000000004");
        assertThat(value(1e21)).isEqualTo("v=1000000000000000000000.0");
        assertThat(value(-0.0)).isEqualTo(influxdbJava(-0.0));
    }

    @Test
    void integersEndInI() {
        assertThat(line(p -> p.measurement("m").field("a", 0L).field("b", -42L).field("c", Long.MAX_VALUE)
                .field("d", Long.MIN_VALUE).time(7)))
                .isEqualTo("m a=0i,b=-42i,c=9223372036854775807i,d=-9223372036854775808i 7\n");
    }

    @Test
    void measurementEscapesCommaAndSpace() {
        assertThat(line(p -> p.measurement("my reading,x").field("v", true).time(1)))
                .isEqualTo("my\\ reading\\,x v=true 1\n");
    }

    @Test
    void nonFiniteDoublesAreLeftOutAndAPointWithoutFieldsIsNotStored() {
        assertThat(line(p -> p.measurement("m").tag("t", "a").field("n", Double.NaN).field("v", 1.5).time(1)))
                .isEqualTo("m,t=a v=1.5 1\n");
        LineBatch batch = new LineBatch();
        batch.measurement("m").tag("t", "a").field("n", Double.NaN).field("p", Double.POSITIVE_INFINITY).time(1);
        assertThat(batch.lines()).isZero();
        assertThat(batch.text()).isEmpty();
    }

    @Test
    void emptyTagValuesAreLeftOutNullOnesRefused() {
        assertThat(line(p -> p.measurement("m").tag("a", "").tag("b", "x").field("v", 1L).time(1)))
                .isEqualTo("m,b=x v=1i 1\n");
        assertThatThrownBy(() -> new LineBatch().measurement("m").tag("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LineBatch().measurement("m").field("s", (String) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anUnfinishedLineOfAFailedMapperIsDropped() {
        LineBatch batch = new LineBatch();
        batch.measurement("m").field("v", 1L).time(1);
        assertThatThrownBy(() -> batch.measurement("m").tag("t", "x").field("s", (String) null))
                .isInstanceOf(NullPointerException.class);
        batch.measurement("m").field("v", 2L).time(2);

        assertThat(batch.text()).isEqualTo("m v=1i 1\nm v=2i 2\n");
        assertThat(batch.lines()).isEqualTo(2);
    }

    @Test
    void textIsUtf8IncludingSupplementaryCharacters() {
        LineBatch batch = new LineBatch();
        batch.measurement("m").tag("place", "平顶山 一矿").field("note", "😀 \"ok\"").time(1);

        assertThat(batch.text()).isEqualTo("m,place=平顶山\\ 一矿 note=\"😀 \\\"ok\\\"\" 1\n");
        assertThat(batch.sizeBytes()).isEqualTo(batch.text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void growsBeyondItsFirstBufferAndIsReusedAfterClear() {
        LineBatch batch = new LineBatch();
        String longValue = "x".repeat(200_000);
        batch.measurement("m").field("s", longValue).time(1);
        assertThat(batch.text()).isEqualTo("m s=\"" + longValue + "\" 1\n");

        batch.clear();
        batch.measurement("m").field("v", 1L).time(2);
        assertThat(batch.text()).isEqualTo("m v=1i 2\n");
        assertThat(batch.lines()).isEqualTo(1);
    }

    /** Random tags and fields with every character the protocol escapes, compared with influxdb-java's Point. */
    @Test
    void randomPointsAreTheLinesOfInfluxdbJava() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String[] tags = {text(random), text(random), text(random)};
            double number = number(random);
            long integer = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000) - 500;
            String string = text(random);
            boolean flag = random.nextBoolean();
            long time = random.nextLong() >>> 1;
            Consumer<PointParts> point = p -> p.measurement("reading")
                    .tag("a b", tags[0]).tag("c,d", tags[1]).tag("e=f", tags[2])
                    .field("f 1", number).field("g,2", integer).field("h=3", string).field("i", flag)
                    .time(time);

            PointBuilderParts influxdbJava = new PointBuilderParts(TimeUnit.MILLISECONDS);
            point.accept(influxdbJava);
            String expected = influxdbJava.build().lineProtocol(TimeUnit.MILLISECONDS) + "\n";
            assertThat(line(point)).as("point %d", i).isEqualTo(onTheWire(expected));
        }
    }

    /** As okhttp sent influxdb-java's lines: String.getBytes(UTF_8), which makes a lone surrogate '?'. */
    private static String onTheWire(String line) {
        return new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String text(Random random) {
        String alphabet = "ab Z9 ,=\"\\\n\t_-/:中文é";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(alphabet.length() + 2);
            text.append(pick < alphabet.length() ? String.valueOf(alphabet.charAt(pick))
                    : pick == alphabet.length() ? "😀" : "\uD800"); // a supplementary character, a lone surrogate
        }
        return text.toString();
    }

    private static double number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(2000) / 100.0;
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> Double.longBitsToDouble(random.nextLong()); // any double, NaN and infinities included
            case 3 -> random.nextInt(100_000) - 50_000;
            case 4 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(616) - 308);
            default -> new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-3, 9_999_999.999, 1e7}[
                    random.nextInt(7)];
        };
    }

    private static String value(double value) {
        return line(p -> p.measurement("m").field("v", value).time(1)).replaceAll("^m (.*) 1\n$", "$1");
    }

    private static String influxdbJava(double value) {
        PointBuilderParts parts = new PointBuilderParts(TimeUnit.MILLISECONDS);
        parts.measurement("m").field("v", value).time(1);
        return parts.build().lineProtocol(TimeUnit.MILLISECONDS).replaceAll("^m (.*) 1$", "$1");
    }

    private static String line(Consumer<PointParts> point) {
        LineBatch batch = new LineBatch();
        point.accept(batch);
        return batch.text();
    }
}
