package dev.anjian.ingest.jt808.message;

/**
 * A decoded JT/T 808 message body, one record per message id, named after the standard with units in
 * the field names. Terminal-to-platform ids start with 0x0, platform-to-terminal ids with 0x8.
 */
public sealed interface Jt808Message permits TerminalResponse, PlatformResponse, TerminalHeartbeat, TerminalLogout,
        TerminalRegister, RegisterResponse, TerminalAuth, LocationReport, LocationBatch, TimeQuery, TimeQueryResponse,
        ResendRequest {

    /** The message id of the frame header, e.g. 0x0200 for a location report. */
    int messageId();
}
