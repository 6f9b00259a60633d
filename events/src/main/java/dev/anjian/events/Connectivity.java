package dev.anjian.events;

/** A gateway's view of a device's connection: it connected, or the connection closed and why. */
public record Connectivity(State state, String gatewayId, String reason) {

    public enum State { CONNECTED, DISCONNECTED }

    public Connectivity {
        Require.present(state, "state");
        Require.text(gatewayId, "gatewayId");
        reason = reason == null ? "" : reason;
    }
}
