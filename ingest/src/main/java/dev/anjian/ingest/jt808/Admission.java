package dev.anjian.ingest.jt808;

import dev.anjian.events.Device;
import dev.anjian.ingest.jt808.message.RegisterResponse;
import dev.anjian.ingest.jt808.message.TerminalRegister;
import java.util.Optional;

/**
 * Who may register and authenticate, decided by the registry: an unknown terminal phone gets 0x8100 result 4
 * (no such terminal), a known terminal announcing another plate than the registry's gets 2 (no such
 * vehicle), otherwise result 0 and the terminal's auth code. Plates are compared without separators
 * ({@code 豫A·12345} = {@code 豫A12345}); colour 0 means the plate field holds the VIN, which is not checked.
 */
final class Admission {

    private final KnownTerminals terminals;
    private final AuthCodes authCodes;

    Admission(KnownTerminals terminals, AuthCodes authCodes) {
        this.terminals = terminals;
        this.authCodes = authCodes;
    }

    RegisterResponse register(String terminalKey, int serial, TerminalRegister request) {
        Optional<Device> device = terminals.find(terminalKey);
        if (device.isEmpty()) {
            return new RegisterResponse(serial, RegisterResponse.NO_SUCH_TERMINAL, null);
        }
        String registered = device.get().vehicle().plateNumber();
        if (request.plateColor() != 0 && !plate(registered).equals(plate(request.plateNumber()))) {
            return new RegisterResponse(serial, RegisterResponse.NO_SUCH_VEHICLE, null);
        }
        return new RegisterResponse(serial, RegisterResponse.OK, authCodes.issue(terminalKey));
    }

    /** The registered device if the terminal is known and the code is the one it was issued. */
    Optional<Device> authenticate(String terminalKey, String authCode) {
        return terminals.find(terminalKey).filter(d -> authCodes.matches(terminalKey, authCode));
    }

    private static String plate(String plate) {
        return plate.replaceAll("[\\s·.\\-]", "");
    }
}
