package dev.anjian.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anjian.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What InfluxDB 1.x says about the run's database, over its HTTP API. Points written per second come from
 * {@code SHOW STATS} (writePointsOk of the database's shards: a counter, cheap to read every second,
 * whereas a count query over millions of points is not); the exact count of readings is queried once,
 * after the run.
 */
public final class InfluxProbe {

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public InfluxProbe(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Points InfluxDB accepted into {@code database} since it was created (all measurements). */
    public long pointsWritten(String database) throws IOException, InterruptedException {
        long sum = 0;
        for (JsonNode series : query("SHOW STATS", null).path("results").path(0).path("series")) {
            if ("shard".equals(series.path("name").asText()) && database.equals(series.path("tags").path("database").asText())) {
                sum += column(series, "writePointsOk");
            }
        }
        return sum;
    }

    /** {@code SELECT count(value) FROM measurement}: the exact number of points stored. */
    public long count(String database, String measurement) throws IOException, InterruptedException {
        JsonNode series = query("SELECT count(value) FROM \"" + measurement + "\"", database)
                .path("results").path(0).path("series").path(0);
        return series.isMissingNode() ? 0 : column(series, "count");
    }

    public void drop(String database) throws IOException, InterruptedException {
        post("DROP DATABASE \"" + database + "\"");
    }

    public void create(String database) throws IOException, InterruptedException {
        post("CREATE DATABASE \"" + database + "\"");
    }

    private static long column(JsonNode series, String name) {
        JsonNode columns = series.path("columns");
        for (int i = 0; i < columns.size(); i++) {
            if (name.equals(columns.get(i).asText())) {
                return series.path("values").path(0).path(i).asLong();
            }
        }
        return 0;
    }

    private JsonNode query(String q, String database) throws IOException, InterruptedException {
        String uri = url + "/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build(), q);
    }

    private void post(String q) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url + "/query")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), q);
    }

    private JsonNode send(HttpRequest request, String q) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("InfluxDB at " + url + " answered " + response.statusCode() + " to '" + q + "': "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode body = EventJson.mapper().readTree(response.body());
        String error = body.path("results").path(0).path("error").asText("");
        if (!error.isEmpty()) {
            throw new IOException("InfluxDB at " + url + " refused '" + q + "': " + error);
        }
        return body;
    }
}
