package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.sms.SendOutcome;
import dev.anjian.alerting.sms.SmsMessage;
import dev.anjian.alerting.sms.SmsProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A provider that answers from a script (a null entry throws, as a buggy provider would) and then OK
 * for ever, numbering message ids; it keeps every message it was given, failed attempts included.
 */
final class ScriptedProvider implements SmsProvider {

    final List<SmsMessage> sent = new ArrayList<>();
    private final Deque<SendOutcome> script;
    private int okCount;

    ScriptedProvider(SendOutcome... script) {
        this.script = new ArrayDeque<>();
        Arrays.stream(script).forEach(o -> this.script.add(o == null ? SendOutcome.fatal("THROW") : o));
    }

    void then(SendOutcome... more) {
        script.addAll(Arrays.asList(more));
    }

    /** Messages that were accepted (OK). */
    List<SmsMessage> delivered = new ArrayList<>();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        sent.add(message);
        SendOutcome next = script.isEmpty() ? SendOutcome.ok("m-" + (++okCount)) : script.poll();
        if (next.kind() == SendOutcome.Kind.FATAL && next.reason().equals("THROW")) {
            throw new IllegalStateException("provider bug");
        }
        if (next.kind() == SendOutcome.Kind.OK) {
            delivered.add(message);
        }
        return next;
    }

    @Override
    public void close() {
    }
}
