package dev.anjian.jobs.influx;

import java.io.IOException;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink Sink V2 writing to InfluxDB 1.x (the retired Bahir sink's replacement). At-least-once: each
 * writer has written every point it was given before every checkpoint, so a checkpoint never acknowledges an
 * unwritten point; after a failure the job replays from the checkpoint and rewrites the same points, which
 * InfluxDB overwrites (same series and timestamp) rather than duplicates.
 */
public final class InfluxDbSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final InfluxTarget target;
    private final PointMapper<T> mapper;

    public InfluxDbSink(InfluxTarget target, PointMapper<T> mapper) {
        this.target = target;
        this.mapper = mapper;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        TaskInfo task = context.getTaskInfo();
        String threadName = "InfluxDB writer " + mapper.getClass().getSimpleName() + " "
                + (task.getIndexOfThisSubtask() + 1) + "/" + task.getNumberOfParallelSubtasks();
        return new InfluxDbWriter<>(target, mapper, context.metricGroup(), threadName);
    }
}
