package dev.anjian.jobs.influx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Points in InfluxDB line protocol, UTF-8, appended to one reusable byte buffer: the body of one write request.
 * <pre>
 * reading,device=GAS-01,enterprise=E1,industry=COAL_MINE,kind=GAS_SENSOR,metric=CH4,region=410100 quality="NORMAL",value=0.42 1764374400000
 * </pre>
 * The bytes are those of influxdb-java 2.25's {@code Point.lineProtocol} (pinned by tests against it), without
 * its maps and per-call formatters: the measurement escapes comma and space; tag keys and values and field keys
 * escape comma, equals and space; string fields escape double quote and backslash; integers end in {@code i};
 * doubles are plain decimals at full precision with at least one fraction digit ({@code 1.0}, never {@code 1E7}).
 * Filled by one thread at a time (the task, then the background writer).
 */
public final class LineBatch implements PointParts {

    private static final int INITIAL_BYTES = 64 * 1024;

    /** Which ASCII characters each part escapes with a backslash, one bit per part: a table, not a switch. */
    private static final int MEASUREMENT = 1;
    private static final int KEY = 2;
    private static final int STRING = 4;
    private static final byte[] ESCAPES = new byte[128];

    static {
        ESCAPES[','] = MEASUREMENT | KEY;
        ESCAPES[' '] = MEASUREMENT | KEY;
        ESCAPES['='] = KEY;
        ESCAPES['"'] = STRING;
        ESCAPES['\\'] = STRING;
    }

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int size;        // bytes of complete lines
    private int cursor;      // end of the line being built
    private int lines;
    private int lineFields;
    private NumberFormat decimals; // influxdb-java's format, for doubles Double.toString writes with an exponent

    /** Complete lines (points) in the batch. */
    public int lines() {
        return lines;
    }

    /** Bytes of the complete lines. */
    public int sizeBytes() {
        return size;
    }

    public void clear() {
        size = 0;
        cursor = 0;
        lines = 0;
    }

    /** The complete lines as text, e.g. for tests and logs. */
    public String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** The buffer; its first {@link #sizeBytes()} bytes are the lines. */
    byte[] buffer() {
        return bytes;
    }

    /** Appends influxdb-java's line of {@code point} (a mapper without its own line writing); false when empty. */
    public boolean append(Point point, TimeUnit precision) {
        String line = point.lineProtocol(precision);
        cursor = size;
        if (line.isEmpty()) { // every field NaN or infinite
            return false;
        }
        appendUtf8(line, 0, line.length());
        endLine();
        return true;
    }

    @Override
    public LineBatch measurement(String name) {
        cursor = size; // drops a line a failed mapper left unfinished
        lineFields = 0;
        ensure(name.length() * 3);
        escaped(name, MEASUREMENT);
        return this;
    }

    @Override
    public LineBatch tag(String key, String value) {
        Objects.requireNonNull(key, "tagName");
        Objects.requireNonNull(value, "value");
        if (lineFields > 0) {
            throw new IllegalStateException("tag " + key + " after a field: tags come first");
        }
        if (!key.isEmpty() && !value.isEmpty()) {
            ensure(3 * (key.length() + value.length()) + 2);
            bytes[cursor++] = ',';
            escaped(key, KEY);
            bytes[cursor++] = '=';
            escaped(value, KEY);
        }
        return this;
    }

    @Override
    public LineBatch field(String key, double value) {
        if (Double.isFinite(value)) {
            fieldKey(key, 32);
            String plain = Double.toString(value);
            if (plain.indexOf('E') >= 0) {
                plain = decimals().format(value);
                ensure(plain.length());
            }
            ascii(plain);
        }
        return this;
    }

    @Override
    public LineBatch field(String key, long value) {
        fieldKey(key, 21);
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
        } else {
            digits(value);
        }
        bytes[cursor++] = 'i';
        return this;
    }

    @Override
    public LineBatch field(String key, String value) {
        Objects.requireNonNull(value, "value");
        fieldKey(key, 3 * value.length() + 2);
        bytes[cursor++] = '"';
        escaped(value, STRING);
        bytes[cursor++] = '"';
        return this;
    }

    @Override
    public LineBatch field(String key, boolean value) {
        fieldKey(key, 5);
        ascii(value ? "true" : "false");
        return this;
    }

    @Override
    public void time(long time) {
        if (lineFields == 0) { // as influxdb-java: no (finite) field, no point
            cursor = size;
            return;
        }
        ensure(22);
        bytes[cursor++] = ' ';
        if (time == Long.MIN_VALUE) {
            ascii(Long.toString(time));
        } else {
            digits(time);
        }
        endLine();
    }

    private void endLine() {
        ensure(1);
        bytes[cursor++] = '\n';
        size = cursor;
        lines++;
    }

    /** The separator and key of a field, room for {@code valueBytes} more. */
    private void fieldKey(String key, int valueBytes) {
        ensure(3 * key.length() + 2 + valueBytes);
        bytes[cursor++] = (byte) (lineFields++ == 0 ? ' ' : ',');
        escaped(key, KEY);
        bytes[cursor++] = '=';
    }

    /** {@code text} UTF-8 encoded with a backslash before each character {@code part} escapes; room ensured. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): an array copy for ASCII text
    private void escaped(String text, int part) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || (ESCAPES[c] & part) != 0) {
                text.getBytes(0, i, bytes, cursor);
                cursor += i;
                appendUtf8(text, i, length, part);
                return;
            }
        }
        text.getBytes(0, length, bytes, cursor); // most text: nothing to escape, all ASCII
        cursor += length;
    }

    private void appendUtf8(String text, int from, int to) {
        ensure(3 * (to - from));
        appendUtf8(text, from, to, 0);
    }

    /** The slow path: non-ASCII characters, encoded as String.getBytes(UTF_8) does (a lone surrogate is '?'). */
    private void appendUtf8(String text, int from, int to, int part) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((ESCAPES[c] & part) != 0) {
                    bytes[cursor++] = '\\';
                }
                bytes[cursor++] = (byte) c;
            } else if (c < 0x800) {
                bytes[cursor++] = (byte) (0xC0 | c >> 6);
                bytes[cursor++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[cursor++] = (byte) (0xF0 | cp >> 18);
                bytes[cursor++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[cursor++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[cursor++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[cursor++] = '?';
            } else {
                bytes[cursor++] = (byte) (0xE0 | c >> 12);
                bytes[cursor++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[cursor++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    @SuppressWarnings("deprecation") // an array copy: the text is ASCII (numbers, true, false)
    private void ascii(String text) {
        text.getBytes(0, text.length(), bytes, cursor);
        cursor += text.length();
    }

    /** A long's decimal digits without a String; not Long.MIN_VALUE. */
    private void digits(long value) {
        if (value < 0) {
            bytes[cursor++] = '-';
            value = -value;
        }
        int length = 1;
        for (long power = 10; length < 19 && value >= power; power *= 10) {
            length++;
        }
        int end = cursor + length;
        int at = end;
        do {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        cursor = end;
    }

    private void ensure(int more) {
        if (cursor + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, cursor + more));
        }
    }

    private NumberFormat decimals() {
        if (decimals == null) {
            decimals = NumberFormat.getInstance(Locale.ENGLISH);
            decimals.setMaximumFractionDigits(340);
            decimals.setGroupingUsed(false);
            decimals.setMinimumFractionDigits(1);
        }
        return decimals;
    }
}
