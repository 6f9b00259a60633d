package dev.anjian.events;

/**
 * The vehicle behind a JT/T 808 terminal. {@code terminalPhone} is the terminal's identity in every
 * frame header (12 BCD digits in 2013, up to 20 in 2019); {@code plateColor} is JT/T 808's code
 * (1 blue, 2 yellow, ...).
 */
public record VehicleInfo(
        String plateNumber,
        int plateColor,
        VehicleClass vehicleClass,
        String terminalPhone,
        int speedLimitKmh) {

    public enum VehicleClass { COACH, TOURIST_COACH, DANGEROUS_GOODS, OTHER }

    public VehicleInfo {
        Require.text(plateNumber, "plateNumber");
        Require.present(vehicleClass, "vehicleClass");
        Require.text(terminalPhone, "terminalPhone");
        if (speedLimitKmh <= 0 || plateColor < 0) {
            throw new IllegalArgumentException("fields 'speedLimitKmh' (> 0) and 'plateColor' (>= 0) out of range: "
                    + speedLimitKmh + ", " + plateColor);
        }
        if (!terminalPhone.chars().allMatch(Character::isDigit) || terminalPhone.length() > 20) {
            throw new IllegalArgumentException("field 'terminalPhone' must be up to 20 digits, was " + terminalPhone);
        }
    }
}
