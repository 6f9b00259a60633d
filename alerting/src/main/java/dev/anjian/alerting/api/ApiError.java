package dev.anjian.alerting.api;

/**
 * A request the API refuses, answered as {@code {"error": "...", "detail": "..."}} with its status:
 * 400 bad request, 401 no or unknown token, 403 not allowed for this token, 404 no such alarm (also for
 * another enterprise's alarm: its existence is not revealed), 405 wrong method, 409 conflicts with the
 * alarm's state, 503 Kafka unavailable.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "bad_request", detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, "conflict", detail);
    }
}
