package dev.anjian.alerting.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.anjian.alerting.book.AlarmBook;
import dev.anjian.alerting.book.AlarmEntry;
import dev.anjian.alerting.ledger.NotificationHistory;
import dev.anjian.events.AlarmCommand;
import dev.anjian.events.EventJson;
import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/alarms}: GET lists open alarms (filters enterprise, region, level, minLevel); GET
 * {@code /api/alarms/{id}} shows one alarm with its history and notifications; POST
 * {@code /api/alarms/{id}/acknowledge} and {@code /handle} with {@code {"operator": "...", "note": "..."}}
 * publish an {@link AlarmCommand}. The caller is already authenticated; an alarm the caller may not see is
 * answered exactly like an unknown one (404).
 */
final class AlarmsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmsHandler.class);
    private static final Set<String> FILTERS = Set.of("enterprise", "region", "level", "minLevel");
    private static final int MAX_OPERATOR = 64;
    private static final int MAX_NOTE = 500;

    private final AlarmBook book;
    private final NotificationHistory history;
    private final CommandPublisher publisher;
    private final Clock clock;

    AlarmsHandler(AlarmBook book, NotificationHistory history, CommandPublisher publisher, Clock clock) {
        this.book = book;
        this.history = history;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code path} is what follows {@code /api/alarms}: "", "/{id}" or "/{id}/{action}". */
    void handle(HttpExchange exchange, Principal caller, String path) throws IOException {
        String[] parts = path.isEmpty() || path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
        String method = exchange.getRequestMethod();
        if (parts.length == 0) {
            requireMethod(exchange, method, "GET");
            Exchanges.json(exchange, 200, list(caller, Exchanges.query(exchange)));
        } else if (parts.length == 1) {
            requireMethod(exchange, method, "GET");
            AlarmEntry entry = visible(caller, parts[0]);
            Exchanges.json(exchange, 200, AlarmViews.detail(entry, history.of(entry.alarm().alarmId())));
        } else if (parts.length == 2 && (parts[1].equals("acknowledge") || parts[1].equals("handle"))) {
            requireMethod(exchange, method, "POST");
            AlarmCommand.Type type = parts[1].equals("handle") ? AlarmCommand.Type.HANDLE : AlarmCommand.Type.ACKNOWLEDGE;
            Exchanges.json(exchange, 202, command(caller, parts[0], type, Exchanges.body(exchange)));
        } else {
            throw ApiError.notFound("no such resource: /api/alarms" + path);
        }
    }

    private Map<String, Object> list(Principal caller, Map<String, String> query) {
        for (String key : query.keySet()) {
            if (!FILTERS.contains(key)) {
                throw ApiError.badRequest("unknown filter '" + key + "' (known: enterprise, region, level, minLevel)");
            }
        }
        String enterprise = query.get("enterprise");
        if (caller.role() == Principal.Role.ENTERPRISE && enterprise != null && !enterprise.equals(caller.enterpriseId())) {
            throw new ApiError(403, "forbidden", "an enterprise token sees only its own enterprise's alarms");
        }
        Predicate<AlarmEntry> filter = e -> caller.maySee(e.alarm());
        if (enterprise != null) {
            filter = filter.and(e -> e.alarm().enterpriseId().equals(enterprise));
        }
        String region = query.get("region");
        if (region != null) {
            if (!region.matches("\\d{2,6}")) {
                throw ApiError.badRequest("filter 'region' must be a region code (2 to 6 digits), was '" + region + "'");
            }
            filter = filter.and(e -> e.alarm().regionCode().startsWith(Principal.significant(region)));
        }
        int level = level(query, "level");
        int minLevel = level(query, "minLevel");
        if (level >= 0) {
            filter = filter.and(e -> e.alarm().level() == level);
        }
        if (minLevel >= 0) {
            filter = filter.and(e -> e.alarm().level() >= minLevel);
        }
        List<Map<String, Object>> alarms = book.open().stream().filter(filter)
                .sorted(Comparator.comparingLong((AlarmEntry e) -> e.alarm().eventTime()).reversed())
                .map(AlarmViews::summary).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", alarms.size());
        body.put("alarms", alarms);
        return body;
    }

    private static int level(Map<String, String> query, String key) {
        String value = query.get(key);
        if (value == null) {
            return -1;
        }
        if (!value.matches("\\d{1,2}")) {
            throw ApiError.badRequest("filter '" + key + "' must be a level number (0-99), was '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private AlarmEntry visible(Principal caller, String alarmId) {
        return book.get(alarmId).filter(e -> caller.maySee(e.alarm()))
                .orElseThrow(() -> ApiError.notFound("no alarm " + alarmId + " visible to this token"));
    }

    private Map<String, Object> command(Principal caller, String alarmId, AlarmCommand.Type type, byte[] body) {
        AlarmEntry entry = visible(caller, alarmId);
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("body must be JSON: {\"operator\": \"...\", \"note\": \"...\"}");
        }
        if (json == null || !json.isObject()) {
            throw ApiError.badRequest("body must be a JSON object: {\"operator\": \"...\", \"note\": \"...\"}");
        }
        String operator = json.path("operator").asText("").strip();
        String note = json.path("note").asText("").strip();
        if (operator.isEmpty() || operator.length() > MAX_OPERATOR) {
            throw ApiError.badRequest("field 'operator' is required (1 to " + MAX_OPERATOR + " characters)");
        }
        if (note.length() > MAX_NOTE) {
            throw ApiError.badRequest("field 'note' may hold at most " + MAX_NOTE + " characters");
        }
        if (entry.handled()) {
            throw ApiError.conflict("alarm " + alarmId + " is already handled by " + entry.handledBy());
        }
        if (type == AlarmCommand.Type.ACKNOWLEDGE && entry.acknowledged()) {
            throw ApiError.conflict("alarm " + alarmId + " is already acknowledged by " + entry.acknowledgedBy());
        }
        AlarmCommand command = new AlarmCommand(type, alarmId, entry.alarm().deviceId(), operator, note, clock.millis(), 0);
        publisher.publish(command);
        book.apply(command);
        LOG.info("alarm {} {} by '{}' (token {})", alarmId, type, operator, caller.name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "accepted");
        answer.put("command", command);
        return answer;
    }

    private static void requireMethod(HttpExchange exchange, String method, String allowed) {
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use " + allowed);
        }
    }
}
