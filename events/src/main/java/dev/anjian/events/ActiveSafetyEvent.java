package dev.anjian.events;

/**
 * An active-safety alarm from a Su-biao (T/JSATL 12-2017) terminal, carried in 0x0200 additional items
 * 0x64 (ADAS) and 0x65 (DSM). {@code terminalAlarmId} is the terminal's running alarm id; {@code flag}
 * marks the start and end of a lasting condition; {@code type} is the standard's code (ADAS 0x01 forward
 * collision, 0x02 lane departure ...; DSM 0x01 fatigue, 0x02 phone call, 0x03 smoking ...);
 * {@code alarmIdentifier} the 16-byte alarm identifier in hex, which correlates evidence attachments.
 */
public record ActiveSafetyEvent(System system, long terminalAlarmId, Flag flag, int type, int level, String alarmIdentifier) {

    public enum System { ADAS, DSM }

    public enum Flag { NONE, START, END }

    public ActiveSafetyEvent {
        Require.present(system, "system");
        flag = flag == null ? Flag.NONE : flag;
        alarmIdentifier = alarmIdentifier == null ? "" : alarmIdentifier;
    }
}
