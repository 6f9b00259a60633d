package dev.anjian.events;

/**
 * Online figures of one scope over one window, on topic online-rates keyed by {@code scopeType:scope}.
 * {@code onlineRate} = online device-seconds / registered device-seconds in the window;
 * {@code reportingRate} = devices that reported at least once / devices registered (上线率 for vehicles).
 * Example: scopeType REGION_INDUSTRY, scope {@code 410100/ROAD_TRANSPORT}, one local day.
 */
public record OnlineRate(
        String scopeType,
        String scope,
        long windowStart,
        long windowEnd,
        int registered,
        int onlineNow,
        int reported,
        double onlineRate,
        double reportingRate) {

    public OnlineRate {
        Require.text(scopeType, "scopeType");
        Require.text(scope, "scope");
        if (windowEnd < windowStart) {
            throw new IllegalArgumentException("field 'windowEnd' is before 'windowStart'");
        }
    }

    public String key() {
        return scopeType + ':' + scope;
    }
}
