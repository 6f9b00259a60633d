package dev.anjian.jobs.onlinerate;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's online figures, keyed by {@code type:name}: sums the devices' {@link ScopeChange}s per local
 * day ({@link DayBucket}) and, on a processing-time tick every {@code emitInterval} (aligned, e.g. every
 * full minute), emits the day so far; once a day has been over for {@code closeDelay} it emits its
 * complete figures and carries its counts into the next day (never within {@code closeDelay} of the
 * operator's start: the backlog after a restart is read first). Sums do not depend on arrival order, so
 * changes from different devices (and partitions) may arrive in any order before the day closes; a change
 * for a day already closed is counted as late and logged, and still moves the counts later days start
 * from. A scope with no device left and nothing open clears its state and stops ticking.
 */
public final class ScopeRates extends KeyedProcessFunction<String, ScopeChange, ScopeFigures> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScopeRates.class);

    private final LocalDays days;
    private final long closeDelaySeconds;
    private final long emitIntervalMillis;

    private transient ValueState<ScopeLedger> ledger;
    private transient MapState<Long, DayBucket> buckets;
    private transient Counter late;
    private transient long settledAt;

    public ScopeRates(LocalDays days, Duration closeDelay, Duration emitInterval) {
        this.days = days;
        this.closeDelaySeconds = closeDelay.toSeconds();
        this.emitIntervalMillis = emitInterval.toMillis();
        if (emitIntervalMillis <= 0) {
            throw new IllegalArgumentException("emit interval must be > 0, was " + emitInterval);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        ledger = getRuntimeContext().getState(new ValueStateDescriptor<>("ledger", ScopeLedger.class));
        buckets = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("days", Types.LONG, Types.POJO(DayBucket.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateScopeChanges");
        settledAt = -1; // fixed by the first element or timer: processing time is the timer service's
    }

    @Override
    public void processElement(ScopeChange change, Context ctx, Collector<ScopeFigures> out) throws Exception {
        settle(ctx.timerService().currentProcessingTime());
        long day = days.dayOf(change.atSecond());
        ScopeLedger now = ledger.value();
        if (now == null) {
            now = new ScopeLedger(day, 0, 0);
            ctx.timerService().registerProcessingTimeTimer(nextTick(ctx.timerService().currentProcessingTime()));
        }
        if (day < now.firstOpenDay()) {
            late.inc();
            String message = "scope {}: change at {} s is for day {}, already closed; counted from day {} on"
                    + " ({} late changes so far in this subtask)";
            Object[] args = {change.key(), change.atSecond(), days.date(day), days.date(now.firstOpenDay()),
                    late.getCount()};
            if (Long.bitCount(late.getCount()) == 1) { // 1st, 2nd, 4th ...: one late status touches ~14 scopes
                LOG.warn(message, args);
            } else {
                LOG.debug(message, args);
            }
            ledger.update(now.late(change));
            return;
        }
        DayBucket bucket = buckets.get(day);
        buckets.put(day, (bucket == null ? DayBucket.empty() : bucket).plus(change));
        ledger.update(now);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScopeFigures> out) throws Exception {
        ScopeLedger now = ledger.value();
        if (now == null) {
            return;
        }
        Scopes.Scope scope = scope(ctx.getCurrentKey());
        long second = timestamp / 1000;
        if (settle(timestamp) <= second) {
            now = closeOverDays(scope, now, second, out);
        }
        if (now.isEmpty() && buckets.isEmpty()) {
            ledger.clear();
            buckets.clear();
            return;
        }
        ledger.update(now);
        long today = days.dayOf(second);
        if (today >= now.firstOpenDay()) {
            ScopeLedger atStart = rolledTo(now, today);
            emit(ScopeFigures.of(scope, days, today, atStart, bucket(today), second, false), out);
        }
        ctx.timerService().registerProcessingTimeTimer(nextTick(timestamp));
    }

    /** Emits the complete figures of every day over for at least the close delay, oldest first. */
    private ScopeLedger closeOverDays(Scopes.Scope scope, ScopeLedger now, long second, Collector<ScopeFigures> out)
            throws Exception {
        while (days.endOf(now.firstOpenDay()) + closeDelaySeconds <= second) {
            DayBucket bucket = buckets.get(now.firstOpenDay());
            if (bucket == null && now.isEmpty()) { // no device in the scope that day: skip to the next activity
                now = new ScopeLedger(nextActiveDay(days.dayOf(second)), 0, 0);
                continue;
            }
            bucket = bucket == null ? DayBucket.empty() : bucket;
            emit(ScopeFigures.of(scope, days, now.firstOpenDay(), now, bucket, second, true), out);
            buckets.remove(now.firstOpenDay());
            now = now.closed(bucket);
        }
        return now;
    }

    private long nextActiveDay(long today) throws Exception {
        long next = today;
        for (Long day : buckets.keys()) {
            next = Math.min(next, day);
        }
        return next;
    }

    /** The counts at the start of {@code day}: the ledger's plus every open day's changes before it. */
    private ScopeLedger rolledTo(ScopeLedger now, long day) throws Exception {
        ScopeLedger rolled = now;
        for (long open = now.firstOpenDay(); open < day; open++) {
            rolled = rolled.closed(bucket(open));
        }
        return rolled;
    }

    private DayBucket bucket(long day) throws Exception {
        DayBucket bucket = buckets.get(day);
        return bucket == null ? DayBucket.empty() : bucket;
    }

    private static void emit(ScopeFigures figures, Collector<ScopeFigures> out) {
        if (figures.registered() > 0) {
            out.collect(figures);
        }
    }

    /**
     * After a (re)start no day is closed for {@code closeDelay}, so that the backlog of changes that came
     * while the job was down is read first; returns that second.
     */
    private long settle(long nowMillis) {
        if (settledAt < 0) {
            settledAt = nowMillis / 1000 + closeDelaySeconds;
        }
        return settledAt;
    }

    private long nextTick(long now) {
        return (now / emitIntervalMillis + 1) * emitIntervalMillis;
    }

    static Scopes.Scope scope(String key) {
        int colon = key.indexOf(':');
        return new Scopes.Scope(key.substring(0, colon), key.substring(colon + 1));
    }
}
