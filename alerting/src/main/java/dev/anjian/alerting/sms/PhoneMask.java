package dev.anjian.alerting.sms;

/**
 * The one way a phone number is shown anywhere but to the SMS provider: logs, the SMS log file, the
 * notifications ledger, dashboards. Keeps the carrier prefix and the last four digits:
 * {@code 13800005678 -> 138****5678}. Anything too short to keep both is fully hidden.
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.strip();
        if (digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
