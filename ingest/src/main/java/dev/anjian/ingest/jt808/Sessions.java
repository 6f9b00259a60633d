package dev.anjian.ingest.jt808;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Terminal key -> its one current session, across all event loops. */
public final class Sessions {

    private final Map<String, TerminalSession> byTerminal = new ConcurrentHashMap<>();

    /** Makes {@code session} the terminal's current one; returns the session it replaced, if any. */
    Optional<TerminalSession> bind(TerminalSession session) {
        return Optional.ofNullable(byTerminal.put(session.terminalKey(), session)).filter(old -> old != session);
    }

    /** Removes {@code session} only if it is still current (a replaced one must not remove its successor). */
    boolean unbind(TerminalSession session) {
        return byTerminal.remove(session.terminalKey(), session);
    }

    public Optional<TerminalSession> find(String terminalKey) {
        return Optional.ofNullable(byTerminal.get(terminalKey));
    }

    public int size() {
        return byTerminal.size();
    }
}
