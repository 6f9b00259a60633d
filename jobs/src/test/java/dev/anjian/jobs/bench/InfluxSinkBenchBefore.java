package dev.anjian.jobs.bench;

import dev.anjian.events.SensorReading;
import dev.anjian.jobs.RegisteredEvent;
import dev.anjian.jobs.influx.PointMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The InfluxDB sink as it was before the line-protocol and background-write change (InfluxDbWriter with
 * influxdb-java {@link Point}s, a synchronous write of each full batch on the task thread, retries), kept
 * verbatim in the bench so that "before" and "after" can be run alternately from one build (no metrics; the
 * points from {@link PointMapper#toPoint}, which builds the same influxdb-java Points as the mappers did).
 */
final class InfluxSinkBenchBefore {

    private InfluxSinkBenchBefore() {
    }

    /** EventPoints.reading as it was: an influxdb-java Point (tags and fields in TreeMaps). */
    static Point readingPoint(RegisteredEvent registered) {
        SensorReading reading = registered.event().reading();
        return Point.measurement("reading")
                .time(registered.event().eventTime(), TimeUnit.MILLISECONDS)
                .tag("device", registered.event().deviceId())
                .tag("metric", reading.metric())
                .tag("enterprise", registered.enterpriseId())
                .tag("region", registered.regionCode())
                .tag("industry", registered.industry().name())
                .tag("kind", registered.kind().name())
                .addField("value", reading.value())
                .addField("quality", reading.quality().name())
                .build();
    }

    /** The old Sink V2: batch, write synchronously when full and on every flush. */
    static final class OldSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private final String url;
        private final String database;
        private final int batchSize;
        private final PointMapper<T> mapper;

        OldSink(String url, String database, int batchSize, PointMapper<T> mapper) {
            this.url = url;
            this.database = database;
            this.batchSize = batchSize;
            this.mapper = mapper;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new OldWriter<>(url, database, batchSize, mapper);
        }
    }

    private static final class OldWriter<T> implements SinkWriter<T> {
        private final String database;
        private final int batchSize;
        private final PointMapper<T> mapper;
        private final InfluxDB influx;
        private final List<Point> batch = new ArrayList<>();

        OldWriter(String url, String database, int batchSize, PointMapper<T> mapper) {
            this.database = database;
            this.batchSize = batchSize;
            this.mapper = mapper;
            this.influx = InfluxDBFactory.connect(url, new OkHttpClient.Builder()
                    .connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS)
                    .writeTimeout(30, TimeUnit.SECONDS));
            QueryResult result = influx.query(new Query("CREATE DATABASE \"" + database + "\"", null, true));
            if (result.hasError()) {
                throw new InfluxDBException("CREATE DATABASE " + database + ": " + result.getError());
            }
        }

        @Override
        public void write(T element, Context context) throws IOException {
            Point point = mapper.toPoint(element);
            if (point == null) {
                return;
            }
            batch.add(point);
            if (batch.size() >= batchSize) {
                writeBatch();
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            writeBatch();
        }

        @Override
        public void close() {
            influx.close();
        }

        private void writeBatch() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            BatchPoints points = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).points(batch).build();
            try {
                influx.write(points); // the old writer retried here; the bench runs with 0 retries
            } catch (InfluxDBException e) {
                throw new IOException("InfluxDB write of " + batch.size() + " points failed: " + e.getMessage(), e);
            }
            batch.clear();
        }
    }
}
