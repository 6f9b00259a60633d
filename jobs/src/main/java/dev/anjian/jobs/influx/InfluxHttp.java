package dev.anjian.jobs.influx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * The InfluxDB 1.x HTTP API the sink needs, one attempt per call: a batch of lines to
 * {@code POST /write?db=anjian&precision=ms} (204 when stored), optionally gzipped, and
 * {@code CREATE DATABASE} through {@code POST /query}. Not thread-safe (one reusable gzip buffer): one
 * thread at a time.
 */
final class InfluxHttp implements AutoCloseable {

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final int MAX_ERROR_CHARS = 500;

    private final OkHttpClient client;
    private final HttpUrl writeUrl;
    private final HttpUrl queryUrl;
    private final String database;
    private final String authorization;
    private final boolean gzip;
    private final Gzipped gzipped = new Gzipped();

    InfluxHttp(InfluxTarget target, TimeUnit precision) {
        HttpUrl base = HttpUrl.get(target.url().endsWith("/") ? target.url() : target.url() + "/");
        this.writeUrl = base.resolve("write").newBuilder()
                .addQueryParameter("db", target.database())
                .addQueryParameter("precision", precisionParameter(precision))
                .build();
        this.queryUrl = base.resolve("query");
        this.database = target.database();
        this.authorization = target.hasCredentials() ? Credentials.basic(target.username(), target.password()) : null;
        this.gzip = target.gzip();
        this.client = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    /** Writes every line of the batch, or throws: {@link InfluxHttpException} when InfluxDB refused it. */
    void write(LineBatch batch) throws IOException {
        Request.Builder request = new Request.Builder().url(writeUrl);
        if (gzip) {
            gzipped.compress(batch);
            request.header("Content-Encoding", "gzip").post(body(gzipped.bytes(), gzipped.size()));
        } else {
            request.post(body(batch.buffer(), batch.sizeBytes()));
        }
        execute(request, "write of " + batch.lines() + " points");
    }

    /** CREATE DATABASE: a no-op in InfluxDB 1.x when the database exists. */
    void createDatabase() throws IOException {
        String name = database.replace("\\", "\\\\").replace("\"", "\\\"");
        Request.Builder request = new Request.Builder().url(queryUrl)
                .post(new FormBody.Builder().add("q", "CREATE DATABASE \"" + name + "\"").build());
        String body = execute(request, "CREATE DATABASE " + database);
        if (body.contains("\"error\"")) { // 200 with {"results":[{"statement_id":0,"error":"..."}]}
            throw new InfluxHttpException(200, "CREATE DATABASE " + database + ": " + shortened(body));
        }
    }

    /** Ends the request in flight (from another thread): it fails with an IOException. */
    void cancelCalls() {
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        cancelCalls();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private String execute(Request.Builder request, String what) throws IOException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new InfluxHttpException(response.code(), what + ": HTTP " + response.code() + " " + shortened(text));
            }
            return text;
        }
    }

    private static String shortened(String text) {
        String oneLine = text.strip();
        return oneLine.length() <= MAX_ERROR_CHARS ? oneLine : oneLine.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private static RequestBody body(byte[] bytes, int length) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return TEXT;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes, 0, length);
            }
        };
    }

    static String precisionParameter(TimeUnit precision) {
        return switch (precision) {
            case NANOSECONDS -> "n";
            case MICROSECONDS -> "u";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> throw new IllegalArgumentException("InfluxDB has no precision of days");
        };
    }

    /** A reusable buffer of one gzipped batch, fastest compression level (CPU is the scarce part). */
    private static final class Gzipped extends ByteArrayOutputStream {
        Gzipped() {
            super(64 * 1024);
        }

        void compress(LineBatch batch) throws IOException {
            reset();
            try (GZIPOutputStream out = new FastGzip(this)) {
                batch.writeTo(out);
            }
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
